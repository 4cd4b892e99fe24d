package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results given back: published by the facilitator, shown through each panelist's link, and a thank-you. */
class PublicationTest {

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

  private static JsonObject item(JsonObject results, String id) {
    return results.getJsonArray("items").stream().map(JsonObject.class::cast).filter(i -> id.equals(i.getString("id")))
        .findFirst().orElseThrow();
  }

  @Test
  @DisplayName("published once no round is open: each link shows the results with the panelist's own rating, the "
      + "report as a PDF, and the thank-you goes to everyone who did not withdraw; no round opens after")
  void publish() {
    RightsFixture f = RightsFixture.create(kenes, "outcome", "");
    f.agreeAll();
    f.openRound();
    f.answerAll(0, 2);
    String publication = "/api/studies/" + f.study + "/publication";
    assertEquals(409, kenes.adminPost(publication).statusCode(), "not while a round is open");
    assertEquals(409, kenes.adminPost("/api/studies/" + f.study + "/results-mail").statusCode(), "nothing to send yet");
    assertEquals(404, kenes.get("/api/p/" + f.token(0) + "/results").statusCode());
    f.closeRound(1);
    assertEquals(200, kenes.vertxClient().post("/api/studies/" + f.study + "/participants/" + f.id(8) + "/withdraw")
        .bearerTokenAuthentication(TestKenes.ADMIN).send().await().statusCode());

    HttpResponse<Buffer> published = kenes.adminPost(publication);
    assertEquals(200, published.statusCode(), published.bodyAsString());
    String at = published.bodyAsJsonObject().getString("publishedAt");
    assertEquals(at, kenes.adminPost(publication).bodyAsJsonObject().getString("publishedAt"), "publishing again");
    assertTrue(kenes.adminGet(publication).bodyAsJsonObject().getBoolean("published"));
    HttpResponse<Buffer> next = kenes.adminPost("/api/studies/" + f.study + "/rounds");
    assertEquals(409, next.statusCode(), "the dialogue has ended");

    JsonObject results = kenes.get("/api/p/" + f.token(0) + "/results").bodyAsJsonObject();
    assertEquals("ru", results.getString("language"));
    JsonObject strategy = item(results, "strategy");
    assertEquals(new JsonObject().put("value", 2).put("reason", "Considered"), strategy.getJsonObject("yours"));
    assertEquals(9, strategy.getJsonObject("overall").getInteger("n"));
    assertEquals("/p/" + f.token(0) + "/report.pdf?lang=ru", results.getString("pdf"));
    String page = kenes.get("/p/" + f.token(0)).bodyAsString();
    assertTrue(page.contains("Результаты") && page.contains("Ваша оценка в раунде 1: 2."), "the link shows them");
    HttpResponse<Buffer> pdf = kenes.get("/p/" + f.token(0) + "/report.pdf?lang=ru");
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.getHeader("Content-Type"));
    assertTrue(pdf.bodyAsString().startsWith("%PDF"));
    assertEquals(404, kenes.get("/api/p/" + f.token(8) + "/results").statusCode(), "not for one who withdrew");

    HttpResponse<Buffer> thanked = kenes.adminPost("/api/studies/" + f.study + "/results-mail");
    assertEquals(new JsonObject().put("queued", 8).put("withoutEmail", 0), thanked.bodyAsJsonObject());
    List<JsonObject> thanks = kenes.adminGet("/api/studies/" + f.study + "/outbox").bodyAsJsonArray().stream()
        .map(JsonObject.class::cast).filter(m -> "results".equals(m.getString("kind"))).toList();
    assertEquals(8, thanks.size());
    JsonObject hers = thanks.stream().filter(m -> f.email.equals(m.getString("to"))).findFirst().orElseThrow();
    assertTrue(hers.getString("subject").startsWith("Спасибо"), hers.getString("subject"));
    assertTrue(hers.getString("body").contains("http://kenes.test/p/" + f.token(0)), hers.getString("body"));
    assertFalse(thanks.stream().anyMatch(m -> m.getString("to").equals("other8@example.org")));
    assertEquals(0, kenes.adminPost("/api/studies/" + f.study + "/results-mail").bodyAsJsonObject()
        .getInteger("queued"), "once each");
  }

  @Test
  @DisplayName("suppression applies: a panel under minCell is not shown, and an item whose answers are too few shows "
      + "no figures")
  void suppressed() {
    RightsFixture f = RightsFixture.create(kenes, "few", "");
    f.agreeAll();
    f.openRound();
    for (int i = 0; i < 2; i++) {
      assertEquals(200, kenes.put("/api/p/" + f.token(i) + "/answers", new JsonObject().put("answers",
          new JsonObject().put("strategy", new JsonObject().put("value", 8))).put("submit", true)).statusCode());
    }
    f.closeRound(1);
    assertEquals(200, kenes.adminPost("/api/studies/" + f.study + "/publication").statusCode());
    JsonObject strategy = item(kenes.get("/api/p/" + f.token(0) + "/results").bodyAsJsonObject(), "strategy");
    assertEquals(new JsonObject().put("suppressed", true), strategy.getJsonObject("overall"));
    String page = kenes.get("/p/" + f.token(0) + "?lang=en").bodyAsString();
    assertTrue(page.contains("Too few answers to show"), page);
    assertFalse(page.contains("<svg"), "no chart of two ratings");
  }
}
