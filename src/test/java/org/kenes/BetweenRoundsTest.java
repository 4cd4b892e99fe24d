package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Between rounds: anonymous open answers, items added, reworded, merged and retired with provenance; the next round. */
class BetweenRoundsTest {

  /** strategy: consensus in; audit, twinning: no consensus; fees: consensus out. */
  private static final int[][] RATINGS = {{9, 5, 7, 1}, {8, 6, 3, 2}, {9, 7, 5, 1}, {7, 4, 8, 2}, {8, 8, 2, 1}, {9, 3, 6, 3}};
  private static final String[] IDEAS = {"More training for nurses", "", "Patient feedback in every clinic",
      "More training for nurses", "Publish waiting times", ""};

  @TempDir
  Path dir;

  private static JsonArray roundOne(TestKenes kenes) {
    kenes.createSmallStudy();
    JsonArray people = kenes.addParticipants("small", "policy", "providers", "patients", "policy", "providers",
        "patients");
    kenes.adminPost("/api/studies/small/rounds");
    for (int i = 0; i < RATINGS.length; i++) {
      JsonObject answers = new JsonObject();
      String[] ids = {"strategy", "audit", "twinning", "fees"};
      for (int k = 0; k < ids.length; k++) {
        answers.put(ids[k], new JsonObject().put("value", RATINGS[i][k]));
      }
      answers.put("ideas", new JsonObject().put("text", IDEAS[i]));
      assertEquals(200, kenes.put("/api/p/" + people.getJsonObject(i).getString("token") + "/answers",
          new JsonObject().put("answers", answers).put("submit", true)).statusCode());
    }
    return people;
  }

  private static HttpResponse<Buffer> post(TestKenes kenes, JsonObject body) {
    return kenes.adminPost("/api/studies/small/items", "application/json", body.encode());
  }

  private static HttpResponse<Buffer> put(TestKenes kenes, String item, JsonObject body) {
    return kenes.vertxClient().put("/api/studies/small/items/" + item).bearerTokenAuthentication(TestKenes.ADMIN)
        .sendJsonObject(body).await();
  }

  private static JsonObject provenance(String change, List<String> from, String note) {
    return new JsonObject().put("change", change).put("from", new JsonArray(from)).put("note", note);
  }

  private static JsonObject texts(String en, String ru) {
    return new JsonObject().put("en", en).put("ru", ru);
  }

  @Test
  @DisplayName("open answers are read anonymously; items added, reworded, merged, retired are asked (or not) next round")
  void betweenRounds() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      JsonArray people = roundOne(kenes);
      JsonObject training = new JsonObject().put("id", "training").put("type", "rating").put("category", "practice")
          .put("text", texts("Training for nurses", "Обучение медсестёр"));
      assertEquals(409, post(kenes, training.copy().put("provenance", provenance("added", List.of(), "idea")))
          .statusCode(), "not while a round is open");
      kenes.adminPost("/api/studies/small/rounds/1/close");

      HttpResponse<Buffer> open = kenes.adminGet("/api/studies/small/rounds/1/open-answers");
      assertEquals(200, open.statusCode(), open.bodyAsString());
      JsonObject ideas = open.bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
      assertEquals("ideas", ideas.getString("id"));
      List<String> texts = ideas.getJsonArray("answers").stream().map(a -> ((JsonObject) a).getString("text")).toList();
      assertEquals(List.of("More training for nurses", "More training for nurses", "Patient feedback in every clinic",
          "Publish waiting times"), texts, "sorted, blanks left out");
      String body = open.bodyAsString();
      people.forEach(p -> assertFalse(body.contains(((JsonObject) p).getString("id")), "no pseudonym"));
      assertFalse(body.contains("Person") || body.contains("panel"), "no name, no panel");
      List<String> answerIds = ideas.getJsonArray("answers").stream().map(a -> ((JsonObject) a).getString("id")).toList();
      assertTrue(answerIds.stream().allMatch(id -> id.matches("a-[0-9a-f]{16}")), answerIds.toString());

      HttpResponse<Buffer> bad = post(kenes, new JsonObject().put("id", "Bad Id").put("text", new JsonObject().put("en", "x"))
          .put("provenance", new JsonObject().put("change", "added").put("from", new JsonArray().add("a-000000000000"))));
      assertEquals(400, bad.statusCode());
      List<String> paths = bad.bodyAsJsonObject().getJsonArray("details").stream()
          .map(d -> ((JsonObject) d).getString("path")).toList();
      assertEquals(List.of("provenance.note", "provenance.from[0]"), paths, bad.bodyAsString());
      HttpResponse<Buffer> badItem = post(kenes, new JsonObject().put("id", "Bad Id").put("text", new JsonObject().put("en", "x"))
          .put("provenance", provenance("added", List.of(answerIds.get(0)), "from the ideas")));
      assertEquals(400, badItem.statusCode());
      List<String> itemPaths = badItem.bodyAsJsonObject().getJsonArray("details").stream()
          .map(d -> ((JsonObject) d).getString("path")).toList();
      assertEquals(List.of("id", "text.ru"), itemPaths, badItem.bodyAsString());

      JsonObject add = training.copy().put("provenance", provenance("added", answerIds.subList(0, 2),
          "Two panelists asked for it in round 1"));
      HttpResponse<Buffer> added = post(kenes, add);
      assertEquals(201, added.statusCode(), added.bodyAsString());
      assertEquals(2, added.bodyAsJsonObject().getInteger("since"));
      assertEquals(201, post(kenes, add).statusCode(), "the same request again changes nothing");
      assertEquals(409, post(kenes, add.copy().put("text", texts("Other", "Другое"))).statusCode(), "the id is taken");

      assertEquals(200, put(kenes, "strategy", new JsonObject().put("text", texts("A national quality strategy with targets",
          "Национальная стратегия качества с целями")).put("provenance", provenance("reworded", List.of(),
          "Comments asked for measurable targets"))).statusCode());
      HttpResponse<Buffer> merged = post(kenes, new JsonObject().put("id", "partnerships").put("type", "rating")
          .put("text", texts("Audit and twinning partnerships", "Аудит и партнёрства"))
          .put("provenance", provenance("merged", List.of("audit", "twinning"), "Panelists saw them as one")));
      assertEquals(201, merged.statusCode(), merged.bodyAsString());
      assertEquals(200, put(kenes, "fees", new JsonObject().put("provenance", provenance("retired", List.of(),
          "Out of scope"))).statusCode());
      assertEquals(404, put(kenes, "nothing", new JsonObject().put("provenance", provenance("retired", List.of(), "x")))
          .statusCode());

      HttpResponse<Buffer> round2 = kenes.adminPost("/api/studies/small/rounds");
      assertEquals(201, round2.statusCode(), round2.bodyAsString());
      assertEquals(new JsonArray(List.of("strategy", "training", "partnerships")),
          round2.bodyAsJsonObject().getJsonArray("items"), "new and reworded asked; merged sources retired");
      assertEquals(409, put(kenes, "training", new JsonObject().put("provenance", provenance("retired", List.of(), "x")))
          .statusCode(), "not while round 2 is open");

      JsonObject q = kenes.get("/api/p/" + people.getJsonObject(1).getString("token")).bodyAsJsonObject();
      JsonArray items = q.getJsonArray("items");
      assertEquals("Национальная стратегия качества с целями", items.getJsonObject(0).getString("text"));
      assertNull(items.getJsonObject(0).getValue("feedback"), "a reworded item is a new question: no old feedback");
      assertEquals("Обучение медсестёр", items.getJsonObject(1).getString("text"));

      JsonArray changes = kenes.adminGet("/api/studies/small/changes").bodyAsJsonArray();
      List<String> log = changes.stream().map(c -> (JsonObject) c)
          .map(c -> c.getString("item") + " " + c.getString("change")).toList();
      assertEquals(List.of("training added", "strategy reworded", "partnerships merged", "audit retired",
          "twinning retired", "fees retired"), log);
      JsonObject first = changes.getJsonObject(0);
      assertEquals(1, first.getInteger("round"));
      assertEquals(2, first.getInteger("askedFrom"));
      assertEquals(new JsonArray(answerIds.subList(0, 2)), first.getJsonObject("provenance").getJsonArray("from"));
      assertEquals("Two panelists asked for it in round 1", first.getJsonObject("provenance").getString("note"));
      assertEquals("admin", first.getString("actor"));
      assertEquals(new JsonArray(List.of("audit", "twinning")),
          changes.getJsonObject(2).getJsonObject("provenance").getJsonArray("from"));

      JsonObject study = kenes.adminGet("/api/studies/small").bodyAsJsonObject();
      List<String> retired = study.getJsonArray("items").stream().map(i -> (JsonObject) i)
          .filter(i -> i.getBoolean("retired", false)).map(i -> i.getString("id")).toList();
      assertEquals(List.of("audit", "twinning", "fees"), retired, "kept for the rounds that asked them");
      List<String> actions = kenes.adminGet("/api/studies/small/audit").bodyAsJsonArray().stream()
          .map(e -> ((JsonObject) e).getString("action")).toList();
      assertTrue(actions.containsAll(List.of("item.added", "item.reworded", "item.merged", "item.retired")), actions.toString());
    }
  }

  @Test
  @DisplayName("items edited through the API survive a restart that reloads the unchanged study file; a changed file is refused")
  void fileReloadKeepsApiEdits() throws Exception {
    Path surveys = Files.createDirectories(dir.resolve("surveys"));
    Files.writeString(surveys.resolve("small.yaml"), TestKenes.resource("studies/small.yaml"));
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"), surveys)) {
      kenes.addParticipants("small", "policy");
      kenes.adminPost("/api/studies/small/rounds");
      kenes.adminPost("/api/studies/small/rounds/1/close");
      assertEquals(201, post(kenes, new JsonObject().put("id", "training").put("text", texts("Training", "Обучение"))
          .put("provenance", provenance("added", List.of(), "asked for"))).statusCode());
    }
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"), surveys)) {
      assertTrue(kenes.adminGet("/api/studies/small").bodyAsString().contains("\"training\""), "the API edit stays");
    }
    Files.writeString(surveys.resolve("small.yaml"), TestKenes.resource("studies/small.yaml")
        .replace("Small test study", "Renamed study"));
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"), surveys)) {
      String stored = kenes.adminGet("/api/studies/small").bodyAsString();
      assertTrue(stored.contains("\"training\"") && stored.contains("Small test study"), "refused, not merged silently");
    }
  }

  @Test
  @DisplayName("a study's definition can be replaced until round 1 opens, and no longer after; never to drop a panel "
      + "that has people in it")
  void editBeforeRoundOne() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      String yaml = TestKenes.resource("studies/small.yaml");
      HttpResponse<Buffer> edited = kenes.vertxClient().put("/api/studies/small").bearerTokenAuthentication(TestKenes.ADMIN)
          .putHeader("Content-Type", "application/yaml").sendBuffer(Buffer.buffer(yaml.replace("Small test study", "Edited")))
          .await();
      assertEquals(200, edited.statusCode(), edited.bodyAsString());
      assertTrue(kenes.adminGet("/api/studies/small").bodyAsString().contains("Edited"));
      HttpResponse<Buffer> otherId = kenes.vertxClient().put("/api/studies/small").bearerTokenAuthentication(TestKenes.ADMIN)
          .sendBuffer(Buffer.buffer(yaml.replace("id: small", "id: other"))).await();
      assertEquals(400, otherId.statusCode());
      kenes.addParticipants("small", "patients");
      HttpResponse<Buffer> dropped = kenes.vertxClient().put("/api/studies/small")
          .bearerTokenAuthentication(TestKenes.ADMIN).putHeader("Content-Type", "application/yaml")
          .sendBuffer(Buffer.buffer(withoutPanel(yaml, "patients"))).await();
      assertEquals(400, dropped.statusCode(), "a panel with people in it cannot vanish while their answers count");
      assertEquals("panels", dropped.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
      assertTrue(kenes.adminGet("/api/studies/small").bodyAsString().contains("\"patients\""), "nothing stored");
      kenes.adminPost("/api/studies/small/rounds");
      assertEquals(409, kenes.vertxClient().put("/api/studies/small").bearerTokenAuthentication(TestKenes.ADMIN)
          .sendBuffer(Buffer.buffer(yaml)).await().statusCode());
    }
  }

  /** The study file without one of its panels' lines. */
  private static String withoutPanel(String yaml, String panel) {
    return String.join("\n", yaml.lines().filter(line -> !line.contains("id: " + panel + ",")).toList()) + "\n";
  }
}
