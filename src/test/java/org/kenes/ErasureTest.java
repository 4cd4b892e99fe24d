package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A panelist's erasure and withdrawal over HTTP: what is gone afterwards (a scan of every collection of the store, the
 * export, the outbox and the logs), what stays (closed rounds' stored results, byte for byte), and what moves (the
 * open round's live tallies, and through its close, its results).
 */
class ErasureTest {

  @TempDir
  static Path dir;
  private static TestKenes kenes;
  private static LogCapture logs;

  @BeforeAll
  static void start() {
    logs = LogCapture.start();
    kenes = TestKenes.start(dir.resolve("data"));
  }

  @AfterAll
  static void stop() {
    kenes.close();
    logs.close();
  }

  /** Every document of every collection of the store, as JSON text, by collection. */
  private Map<String, List<String>> store() {
    MongoClient mongo = kenes.services().store().client();
    Map<String, List<String>> all = new HashMap<>();
    for (String collection : mongo.getCollections().await()) {
      List<String> docs = new ArrayList<>();
      mongo.find(collection, new JsonObject()).await().forEach(d -> docs.add(d.encode()));
      all.put(collection, docs);
    }
    return all;
  }

  /** The stored results documents of a study's closed rounds, exactly as the store holds them. */
  private List<String> storedResults(String study) {
    return kenes.services().store().client().find("results", new JsonObject().put("study", study)).await().stream()
        .map(JsonObject::encode).sorted().toList();
  }

  @Test
  @DisplayName("after 'erase' no collection, export, outbox or log holds the name, email or link; closed results "
      + "are byte-for-byte unchanged; the open round's tallies drop the answers")
  void eraseLeavesNothing() {
    RightsFixture f = RightsFixture.create(kenes, "erase", "");
    String token = f.token(0);
    f.agreeAll();
    f.openRound();
    f.answerAll(0, 2);
    f.closeRound(1);
    List<String> round1 = storedResults(f.study);
    assertEquals(1, round1.size());
    f.openRound();
    f.answerAll(0, 1);
    Map<String, Map<String, Number>> before = kenes.tallies(f.study, 2);
    assertEquals(1L, before.get("policy").get("r.strategy.1").longValue(), "Zhanar's 1 is in the live tallies");
    assertTrue(store().toString().contains(f.email), "the scan finds what is there");

    HttpResponse<Buffer> erased = kenes.vertxClient().delete("/api/p/" + token).send().await();
    assertEquals(200, erased.statusCode(), erased.bodyAsString());
    assertEquals(new JsonObject().put("round", 2).put("erased", true), erased.bodyAsJsonObject());

    Map<String, List<String>> store = store();
    for (String secret : List.of(f.name, f.email, token)) {
      store.forEach((collection, docs) -> docs.forEach(doc -> assertFalse(doc.contains(secret),
          collection + " still holds " + secret + ": " + doc)));
    }
    String export = kenes.adminGet("/api/studies/" + f.study + "/export.csv").bodyAsString();
    String outbox = kenes.adminGet("/api/studies/" + f.study + "/outbox").bodyAsString();
    String participants = kenes.adminGet("/api/studies/" + f.study + "/participants").bodyAsString();
    String audit = kenes.adminGet("/api/studies/" + f.study + "/audit").bodyAsString();
    for (String secret : List.of(f.name, f.email, token, f.id(0))) {
      assertFalse(export.contains(secret), "export: " + secret);
      assertFalse(outbox.contains(secret), "outbox: " + secret);
      assertFalse(participants.contains(secret), "participants: " + secret);
      assertFalse(audit.contains(secret), "audit: " + secret);
      assertFalse(logs.text().contains(secret), "logs: " + secret);
    }
    assertTrue(audit.contains("participant.erased"), audit);
    assertEquals(8 * 2, export.lines().filter(l -> l.contains(",1,") && (l.contains(",strategy,")
        || l.contains(",audit,"))).count(), "round 1 lists the eight others only:\n" + export);
    assertEquals(404, kenes.get("/api/p/" + token).statusCode());
    assertEquals(404, kenes.get("/p/" + token + "/me").statusCode());

    assertEquals(round1, storedResults(f.study), "round 1's stored results, byte for byte");
    Map<String, Map<String, Number>> after = kenes.tallies(f.study, 2);
    assertEquals(null, after.get("policy").get("r.strategy.1"), "Zhanar's 1 left the live tallies");
    assertEquals(before.get("policy").get("submitted").longValue() - 1, after.get("policy").get("submitted"));
    assertEquals(before.get("providers"), after.get("providers"));
    assertEquals(before.get("patients"), after.get("patients"));

    JsonObject closed = f.closeRound(2);
    assertEquals(after, kenes.tallies(f.study, 2), "the live tallies equal the close's recount of the answers left");
    JsonObject strategy = closed.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> "strategy".equals(i.getString("id"))).findFirst().orElseThrow();
    assertEquals(0, strategy.getJsonObject("overall").getJsonObject("histogram").getInteger("1"));
    assertEquals(8, strategy.getJsonObject("overall").getInteger("n"));
    assertEquals(round1, storedResults(f.study).subList(0, 1), "round 1 still byte for byte, after round 2 closed");
    assertNotEquals(round1, storedResults(f.study));
  }

  @Test
  @DisplayName("a withdrawal takes the open round's answers out, refuses later saves and mail, keeps closed rounds")
  void withdrawal() {
    RightsFixture f = RightsFixture.create(kenes, "withdraw", "");
    f.agreeAll();
    f.openRound();
    f.answerAll(0, 2);
    f.closeRound(1);
    List<String> round1 = storedResults(f.study);
    String export1 = kenes.adminGet("/api/studies/" + f.study + "/export.csv").bodyAsString();
    f.openRound();
    f.answerAll(0, 1);
    JsonObject live = kenes.adminGet("/api/studies/" + f.study + "/rounds/2/results").bodyAsJsonObject();
    assertEquals(9, live.getJsonObject("participation").getInteger("invited"));

    HttpResponse<Buffer> withdrawn = kenes.vertxClient().post("/api/studies/" + f.study + "/participants/" + f.id(0)
        + "/withdraw").bearerTokenAuthentication(TestKenes.ADMIN).send().await();
    assertEquals(200, withdrawn.statusCode(), withdrawn.bodyAsString());
    assertEquals(2, withdrawn.bodyAsJsonObject().getInteger("round"));

    assertEquals(null, kenes.tallies(f.study, 2).get("policy").get("r.strategy.1"), "the open round lost the answer");
    HttpResponse<Buffer> late = kenes.put("/api/p/" + f.token(0) + "/answers", new JsonObject()
        .put("answers", new JsonObject().put("strategy", new JsonObject().put("value", 3))).put("submit", true));
    assertEquals(409, late.statusCode(), late.bodyAsString());
    JsonObject q = kenes.get("/api/p/" + f.token(0)).bodyAsJsonObject();
    assertTrue(q.getBoolean("withdrawn"));
    assertTrue(q.getJsonArray("items").isEmpty());
    live = kenes.adminGet("/api/studies/" + f.study + "/rounds/2/results").bodyAsJsonObject();
    assertEquals(8, live.getJsonObject("participation").getInteger("invited"), "a withdrawn panelist is not invited");
    assertEquals(200, kenes.adminPost("/api/studies/" + f.study + "/reminders").statusCode());
    assertFalse(kenes.adminGet("/api/studies/" + f.study + "/outbox").bodyAsJsonArray().stream()
        .map(JsonObject.class::cast).anyMatch(m -> "reminder".equals(m.getString("kind"))
            && f.email.equals(m.getString("to"))), "no reminder for someone who withdrew");
    JsonObject person = kenes.adminGet("/api/studies/" + f.study + "/participants").bodyAsJsonArray().stream()
        .map(JsonObject.class::cast).filter(p -> f.id(0).equals(p.getString("id"))).findFirst().orElseThrow();
    assertTrue(person.getString("withdrawnAt") != null);
    assertEquals(round1, storedResults(f.study));
    assertEquals(export1.lines().filter(l -> l.contains(",1,")).toList(),
        kenes.adminGet("/api/studies/" + f.study + "/export.csv").bodyAsString().lines()
            .filter(l -> l.contains(",1,")).toList(), "the closed round's answers stay in the export");
    JsonObject closed = f.closeRound(2);
    assertEquals(8, closed.getJsonObject("participation").getInteger("responded"));
  }

  @Test
  @DisplayName("deleting a whole study needs its id typed and no open round, then leaves nothing of it in any "
      + "collection but the record that it was deleted")
  void deleteStudy() {
    RightsFixture f = RightsFixture.create(kenes, "gone", "");
    f.agreeAll();
    f.openRound();
    f.answerAll(0, 2);
    assertEquals(409, kenes.vertxClient().delete("/api/studies/gone?confirm=gone")
        .bearerTokenAuthentication(TestKenes.ADMIN).send().await().statusCode(), "not while a round is open");
    f.closeRound(1);
    HttpResponse<Buffer> unconfirmed = kenes.vertxClient().delete("/api/studies/gone?confirm=gon")
        .bearerTokenAuthentication(TestKenes.ADMIN).send().await();
    assertEquals(400, unconfirmed.statusCode());
    assertTrue(unconfirmed.bodyAsString().contains("confirm"), unconfirmed.bodyAsString());
    assertEquals(200, kenes.adminGet("/api/studies/gone").statusCode());

    HttpResponse<Buffer> deleted = kenes.vertxClient().delete("/api/studies/gone?confirm=gone")
        .bearerTokenAuthentication(TestKenes.ADMIN).send().await();
    assertEquals(200, deleted.statusCode(), deleted.bodyAsString());
    assertEquals(404, kenes.adminGet("/api/studies/gone").statusCode());
    assertEquals(404, kenes.get("/api/p/" + f.token(1)).statusCode());
    List<String> left = new ArrayList<>();
    store().forEach((collection, docs) -> docs.stream().map(JsonObject::new)
        .filter(d -> "gone".equals(d.getString("study")) || "gone".equals(d.getString("_id"))
            || d.getString("_id", "").startsWith("gone:"))
        .forEach(d -> left.add(collection + ": " + d.encode())));
    assertEquals(1, left.size(), "only the record of the deletion: " + left);
    assertTrue(left.get(0).startsWith("audit: ") && left.get(0).contains("study.deleted"), left.get(0));
    assertFalse(store().toString().contains(f.email));
  }
}
