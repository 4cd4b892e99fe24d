package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests at the edges of what the server reads: long form fields, many of them, broken multipart, malformed
 * addresses, far deadlines, floods of unknown items. Each gets a clear 4xx with a message, never a 500 or a stack
 * trace.
 */
class RequestLimitsTest {

  @TempDir
  static Path dir;
  static TestKenes kenes;
  static JsonArray people;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
    kenes.createSmallStudy();
    people = kenes.addParticipants("small", "policy", "providers", "patients");
    assertEquals(201, kenes.adminPost("/api/studies/small/rounds").statusCode());
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static String token(int i) {
    return DelphiLoopTest.token(people, i);
  }

  @Test
  @DisplayName("a 1,600-character Cyrillic comment sent without JavaScript is saved, not lost to an 8 kB form limit")
  void longCyrillicComment() {
    String comment = "Качество медицинской помощи ".repeat(60).substring(0, 1_600).strip();
    assertTrue(java.net.URLEncoder.encode(comment, java.nio.charset.StandardCharsets.UTF_8).length() > 8_192);
    try (LogCapture log = LogCapture.start()) {
      HttpResponse<Buffer> r = kenes.postForm("/p/" + token(0), MultiMap.caseInsensitiveMultiMap()
          .add("r-strategy", "8").add("c-strategy", comment).add("action", "save"));
      assertEquals(303, r.statusCode(), r.bodyAsString());
      assertFalse(log.text().contains("ERROR"), log.text());
    }
    JsonObject strategy = kenes.get("/api/p/" + token(0)).bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
    assertEquals(comment, strategy.getJsonObject("answer").getString("comment"));
  }

  @Test
  @DisplayName("the console edits a study whose definition is far over 8 kB, such as the example dialogue")
  void largeDefinitionThroughTheConsole() throws Exception {
    String example = java.nio.file.Files.readString(Path.of("surveys/qoc-strategy.yaml"));
    assertTrue(example.length() > 8_192);
    assertEquals(201, kenes.adminPost("/api/studies", "application/yaml", example).statusCode());
    ConsoleSession admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
    HttpResponse<Buffer> edited = admin.post("/console/studies/qoc-strategy/edit", "/console/studies/qoc-strategy/edit",
        MultiMap.caseInsensitiveMultiMap().add("definition",
            example.replace("setting priorities", "priorities, edited")));
    assertEquals(303, edited.statusCode(), edited.bodyAsString());
    assertTrue(kenes.adminGet("/api/studies/qoc-strategy").bodyAsString().contains("priorities, edited"));
  }

  @Test
  @DisplayName("a form over the body limit answers 413 with a message, and logs no stack trace")
  void formOverTheLimit() {
    try (LogCapture log = LogCapture.start()) {
      HttpResponse<Buffer> r = kenes.postForm("/p/" + token(1), MultiMap.caseInsensitiveMultiMap()
          .add("r-strategy", "8").add("c-strategy", "ж".repeat(600_000)).add("action", "save"));
      assertEquals(413, r.statusCode());
      assertTrue(r.bodyAsString().contains("1 MB"), r.bodyAsString());
      assertFalse(log.text().contains("ERROR"), log.text());
    }
  }

  @Test
  @DisplayName("too many form fields, or a broken multipart body, answer 400 with a message, never 500")
  void brokenForms() {
    StringBuilder many = new StringBuilder("action=save");
    for (int i = 0; i < 20_000; i++) {
      many.append("&f").append(i).append("=x");
    }
    List<String> brokenBodies = List.of(
        "--zz\r\nBad\r\n\r\nx\r\n--zz--\r\n",
        "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.yaml\"\r\n"
            + "Content-Type: text/plain; charset=nope\r\n\r\nxx\r\n--zz--\r\n");
    ConsoleSession admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
    try (LogCapture log = LogCapture.start()) {
      HttpResponse<Buffer> r = kenes.vertxClient().post("/p/" + token(2))
          .putHeader("Content-Type", "application/x-www-form-urlencoded").sendBuffer(Buffer.buffer(many.toString()))
          .await();
      assertEquals(400, r.statusCode(), r.bodyAsString());
      assertTrue(r.bodyAsString().contains("form"), r.bodyAsString());
      for (String contentType : List.of("multipart/form-data; boundary=", "multipart/form-data; boundary=zz")) {
        for (String body : brokenBodies) {
          HttpResponse<Buffer> panelist = kenes.vertxClient().post("/p/" + token(2))
              .putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body)).await();
          assertEquals(400, panelist.statusCode(), contentType + " " + body);
          HttpResponse<Buffer> upload = admin.request(kenes.vertxClient().post("/console/studies"))
              .putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body)).await();
          assertEquals(400, upload.statusCode(), contentType + " " + body);
        }
      }
      assertFalse(log.text().contains("ERROR"), log.text());
    }
  }

  @Test
  @DisplayName("a malformed query on a personal link answers 400, and the link's token stays out of the log")
  void malformedQuery() {
    try (LogCapture log = LogCapture.start()) {
      for (String path : List.of("/p/" + token(0) + "?lang=%ZZ", "/api/p/" + token(0) + "?lang=%ZZ",
          "/p/" + token(0) + "/%ZZ")) {
        HttpResponse<Buffer> r = kenes.get(path);
        assertEquals(400, r.statusCode(), path);
        assertTrue(r.bodyAsString().contains("address"), r.bodyAsString());
        assertTrue(r.getHeader("Content-Security-Policy") != null, "the security headers are there too");
      }
      assertFalse(log.text().contains(token(0)), log.text());
    }
  }

  @Test
  @DisplayName("a deadline centuries ahead is refused with 400 at closesAt, not a 500")
  void farFutureDeadline() {
    kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
        .replace("id: small", "id: far"));
    for (String deadline : List.of("+999999999-12-01T12:00:00Z", "9999-12-01T12:00:00Z")) {
      HttpResponse<Buffer> r = kenes.adminPost("/api/studies/far/rounds", "application/json",
          new JsonObject().put("closesAt", deadline).encode());
      assertEquals(400, r.statusCode(), r.bodyAsString());
      assertEquals("closesAt", r.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
    }
    assertEquals(0, kenes.adminGet("/api/studies/far/rounds").bodyAsJsonArray().size(), "no round opened");
  }

  @Test
  @DisplayName("a body of 30,000 unknown items answers a short error that says how many problems it left out")
  void unknownItemsCapped() {
    JsonObject answers = new JsonObject();
    for (int i = 0; i < 30_000; i++) {
      answers.put("unknown-item-" + i, new JsonObject().put("value", 5));
    }
    HttpResponse<Buffer> r = kenes.put("/api/p/" + token(2) + "/answers", new JsonObject().put("answers", answers));
    assertEquals(400, r.statusCode());
    assertTrue(r.body().length() < 20_000, "a short answer: " + r.body().length() + " bytes");
    JsonArray details = r.bodyAsJsonObject().getJsonArray("details");
    assertTrue(details.getJsonObject(0).getString("path").startsWith("answers.unknown-item-"));
    String last = details.getJsonObject(details.size() - 1).getString("message");
    assertTrue(last.contains("29,900 more") || last.contains("29900 more"), last);
  }
}
