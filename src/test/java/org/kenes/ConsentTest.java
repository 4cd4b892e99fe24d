package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study's consent text over HTTP: shown before the questionnaire, required to answer, asked again when changed. */
class ConsentTest {

  @TempDir
  static Path dir;
  private static TestKenes kenes;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static JsonObject save(String token) {
    return new JsonObject().put("answers", new JsonObject().put("strategy", new JsonObject().put("value", 8)))
        .put("submit", true);
  }

  private static String consentOf(String study, String id) {
    return kenes.adminGet("/api/studies/" + study + "/participants").bodyAsJsonArray().stream()
        .map(JsonObject.class::cast).filter(p -> id.equals(p.getString("id"))).findFirst().orElseThrow()
        .getString("consent");
  }

  @Test
  @DisplayName("answering requires agreeing: the questionnaire withholds the items and saves answer 403 until then")
  void required() {
    RightsFixture f = RightsFixture.create(kenes, "consent", "");
    f.openRound();
    String token = f.token(0);
    JsonObject q = kenes.get("/api/p/" + token).bodyAsJsonObject();
    JsonObject consent = q.getJsonObject("consent");
    assertFalse(consent.getBoolean("agreed"));
    assertTrue(consent.getString("text").startsWith("Ваши ответы используются"), "in her language");
    assertTrue(q.getJsonArray("items").isEmpty(), "no question before the consent");
    assertEquals(403, kenes.put("/api/p/" + token + "/answers", save(token)).statusCode());
    assertEquals("not-yet", consentOf(f.study, f.id(0)));
    String page = kenes.get("/p/" + token).bodyAsString();
    assertTrue(page.contains("Прежде чем начать") && page.contains("name=\"agree\""), "the consent page first");

    // The form without its box ticked, then with a version the page never showed: the page again, nothing stored.
    HttpResponse<Buffer> unticked = kenes.postForm("/p/" + token + "/consent", MultiMap.caseInsensitiveMultiMap()
        .add("version", consent.getString("version")).add("lang", "ru"));
    assertEquals(400, unticked.statusCode());
    assertTrue(unticked.bodyAsString().contains("Отметьте, пожалуйста, что вы согласны"), unticked.bodyAsString());
    HttpResponse<Buffer> stale = kenes.postForm("/p/" + token + "/consent", MultiMap.caseInsensitiveMultiMap()
        .add("version", "0123456789abcdef").add("agree", "yes").add("lang", "ru"));
    assertEquals(409, stale.statusCode());
    assertEquals("not-yet", consentOf(f.study, f.id(0)));

    HttpResponse<Buffer> agreed = kenes.postForm("/p/" + token + "/consent", MultiMap.caseInsensitiveMultiMap()
        .add("version", consent.getString("version")).add("agree", "yes").add("lang", "ru"));
    assertEquals(303, agreed.statusCode());
    assertEquals("/p/" + token + "?lang=ru", agreed.getHeader("Location"));
    assertEquals("agreed", consentOf(f.study, f.id(0)));
    assertEquals("not-yet", consentOf(f.study, f.id(1)), "the facilitator sees each one's status");
    assertEquals(6, kenes.get("/api/p/" + token).bodyAsJsonObject().getJsonArray("items").size());
    assertEquals(200, kenes.put("/api/p/" + token + "/answers", save(token)).statusCode());
    assertTrue(kenes.get("/p/" + token).bodyAsString().contains("class=\"questionnaire\""));
    JsonObject mine = kenes.get("/api/p/" + token + "/me").bodyAsJsonObject();
    JsonObject agreement = mine.getJsonObject("consent").getJsonArray("agreements").getJsonObject(0);
    assertEquals(consent.getString("version"), agreement.getString("version"));
    assertEquals("ru", agreement.getString("language"));
    assertTrue(agreement.getString("at").startsWith("20"), "with its moment");
  }

  @Test
  @DisplayName("a consent text changed after people agreed asks again those who read the changed language only")
  void changedText() {
    RightsFixture f = RightsFixture.create(kenes, "changed", "");
    f.openRound();
    f.agree(0);
    f.agree(1);
    assertEquals("ru", kenes.get("/api/p/" + f.token(0)).bodyAsJsonObject().getString("language"));
    assertEquals("ru", kenes.get("/api/p/" + f.token(1)).bodyAsJsonObject().getString("language"));
    f.agree(2);
    assertEquals("en", kenes.get("/api/p/" + f.token(2)).bodyAsJsonObject().getString("language"));
    String version = kenes.get("/api/p/" + f.token(0)).bodyAsJsonObject().getJsonObject("consent")
        .getString("version");

    String file = TestKenes.resource("studies/rights.yaml").replace("id: rights", "id: " + f.study);
    HttpResponse<Buffer> questions = kenes.vertxClient().put("/api/studies/" + f.study)
        .bearerTokenAuthentication(TestKenes.ADMIN).putHeader("Content-Type", "application/yaml")
        .sendBuffer(Buffer.buffer(file.replace("A national quality strategy", "Another strategy"))).await();
    assertEquals(409, questions.statusCode(), "the questions cannot change once round 1 is open");
    HttpResponse<Buffer> changed = kenes.vertxClient().put("/api/studies/" + f.study)
        .bearerTokenAuthentication(TestKenes.ADMIN).putHeader("Content-Type", "application/yaml")
        .sendBuffer(Buffer.buffer(file.replace("попросить удалить ваши данные", "попросить удалить свои данные")))
        .await();
    assertEquals(200, changed.statusCode(), changed.bodyAsString());

    assertEquals("asked-again", consentOf(f.study, f.id(0)));
    assertEquals("agreed", consentOf(f.study, f.id(2)), "the English text did not change");
    assertEquals(403, kenes.put("/api/p/" + f.token(0) + "/answers", save(f.token(0))).statusCode());
    assertEquals(200, kenes.put("/api/p/" + f.token(2) + "/answers", save(f.token(2))).statusCode());
    JsonObject again = kenes.get("/api/p/" + f.token(0)).bodyAsJsonObject().getJsonObject("consent");
    assertNotEquals(version, again.getString("version"));
    String page = kenes.get("/p/" + f.token(0)).bodyAsString();
    assertTrue(page.contains("Этот текст изменился"), "the page says why it asks again");
    f.agree(0);
    assertEquals("agreed", consentOf(f.study, f.id(0)));
    assertEquals(2, kenes.get("/api/p/" + f.token(0) + "/me").bodyAsJsonObject().getJsonObject("consent")
        .getJsonArray("agreements").size(), "both agreements are kept");
    assertEquals(200, kenes.put("/api/p/" + f.token(0) + "/answers", save(f.token(0))).statusCode());
  }

  @Test
  @DisplayName("a study without a consent text asks for none: nothing changes")
  void withoutConsent() {
    kenes.createSmallStudy();
    String token = kenes.addParticipants("small", "policy").getJsonObject(0).getString("token");
    kenes.adminPost("/api/studies/small/rounds");
    JsonObject q = kenes.get("/api/p/" + token).bodyAsJsonObject();
    assertNull(q.getJsonObject("consent"));
    assertEquals(6, q.getJsonArray("items").size());
    assertEquals(200, kenes.put("/api/p/" + token + "/answers", save(token)).statusCode());
    assertEquals("not-asked", kenes.adminGet("/api/studies/small/participants").bodyAsJsonArray().getJsonObject(0)
        .getString("consent"));
  }

  @Test
  @DisplayName("the report's method says consent was asked and how many agreed to its current version")
  void inTheReport() {
    RightsFixture f = RightsFixture.create(kenes, "consent-report", "");
    f.agree(0);
    f.agree(2);
    String page = kenes.adminGet("/studies/consent-report/report?lang=en").bodyAsString();
    assertTrue(page.contains("asked to agree; 2 of the 9 participants agreed to its current version."), page);
    assertTrue(kenes.adminGet("/studies/consent-report/report?lang=ru").bodyAsString()
        .contains("с действующей версией согласились 2 из 9 участников"));
  }
}
