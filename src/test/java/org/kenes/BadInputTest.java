package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a clear 4xx naming the problem, and changes nothing. */
class BadInputTest {

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

  private static String answersPath() {
    return "/api/p/" + DelphiLoopTest.token(people, 0) + "/answers";
  }

  private static JsonObject savedAnswers() {
    return kenes.get("/api/p/" + DelphiLoopTest.token(people, 0)).bodyAsJsonObject();
  }

  @Test
  @DisplayName("facilitator calls without the token, or with a wrong one, answer 401")
  void facilitatorToken() {
    assertEquals(401, kenes.get("/api/studies").statusCode());
    assertEquals(401, kenes.get("/api/studies/small/export.csv").statusCode());
    assertEquals(401, kenes.get("/studies/small/report").statusCode());
    HttpResponse<Buffer> wrong = kenes.vertxClient().get("/api/studies").bearerTokenAuthentication("nope").send().await();
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.bodyAsJsonObject().getString("error").contains("facilitator token"));
  }

  @Test
  @DisplayName("an invalid study file is refused with every problem by path, and nothing is stored")
  void invalidStudy() {
    String bad = TestKenes.resource("studies/small.yaml").replace("id: small", "id: other")
        .replace("ru: \"Клинический аудит\"", "de: \"Audit\"");
    HttpResponse<Buffer> r = kenes.adminPost("/api/studies", "application/yaml", bad);
    assertEquals(400, r.statusCode());
    JsonArray details = r.bodyAsJsonObject().getJsonArray("details");
    List<String> paths = details.stream().map(d -> ((JsonObject) d).getString("path")).toList();
    assertTrue(paths.containsAll(List.of("items[1].text.ru", "items[1].text.de")), paths.toString());
    assertEquals(404, kenes.adminGet("/api/studies/other").statusCode());
  }

  @Test
  @DisplayName("a study id that exists answers 409")
  void duplicateStudy() {
    assertEquals(409, kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml"))
        .statusCode());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "{\"answers\": {\"strategy\": {\"value\": 10}}}",
      "{\"answers\": {\"strategy\": {\"value\": 0}}}",
      "{\"answers\": {\"strategy\": {\"value\": 7.5}}}",
      "{\"answers\": {\"strategy\": {\"value\": \"7\"}}}",
      "{\"answers\": {\"strategy\": {\"value\": {\"$gt\": 0}}}}",
      "{\"answers\": {\"$set\": {\"value\": 5}}}",
      "{\"answers\": {\"unknown-item\": {\"value\": 5}}}",
      "{\"answers\": {\"strategy\": {\"value\": 5, \"$inc\": 1}}}",
      "{\"answers\": {\"tools\": {\"ranking\": [\"audit\", \"audit\"]}}}",
      "{\"answers\": {\"tools\": {\"ranking\": [\"audit\", \"nonsense\"]}}}",
      "{\"answers\": {\"strategy\": {\"value\": 5}, \"audit\": {\"value\": 99}}}",
      "{\"answers\": [], \"submit\": true}",
      "{\"answers\": {}, \"submit\": \"yes\"}",
      "{\"answers\": {\"strategy\": 5}}",
      "[1, 2, 3]",
      "{\"answers\": {\"strategy\": {\"value\": 5}",
      "",
  })
  @DisplayName("a bad save answers 400 naming the problem, and stores nothing")
  void badSave(String body) {
    JsonObject before = savedAnswers();
    HttpResponse<Buffer> r = kenes.putRaw(answersPath(), "application/json", body);
    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertFalse(r.bodyAsJsonObject().getString("error").isBlank());
    assertEquals(before, savedAnswers());
  }

  @Test
  @DisplayName("deeply nested JSON is refused with 400, not a stack overflow")
  void deeplyNested() {
    String body = "{\"answers\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertEquals(400, kenes.putRaw(answersPath(), "application/json", body).statusCode());
    String study = "{\"id\": \"deep\", \"title\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertEquals(400, kenes.adminPost("/api/studies", "application/json", study).statusCode());
  }

  @Test
  @DisplayName("participants: a CSV with broken quoting or unknown panels is refused whole")
  void brokenCsv() {
    int before = kenes.adminGet("/api/studies/small/participants").bodyAsJsonArray().size();
    HttpResponse<Buffer> quoting = kenes.adminPost("/api/studies/small/participants", "text/csv",
        "name,email,panel,language\n\"Ana,ana@example.org,policy,en\n");
    assertEquals(400, quoting.statusCode(), quoting.bodyAsString());
    HttpResponse<Buffer> header = kenes.adminPost("/api/studies/small/participants", "text/csv",
        "\"name,email\n");
    assertEquals(400, header.statusCode(), header.bodyAsString());
    HttpResponse<Buffer> operators = kenes.adminPost("/api/studies/small/participants", "application/json",
        "[{\"name\": {\"$gt\": \"\"}, \"panel\": \"policy\", \"$where\": \"1\"}]");
    assertEquals(400, operators.statusCode());
    assertEquals(before, kenes.adminGet("/api/studies/small/participants").bodyAsJsonArray().size());
  }

  @Test
  @DisplayName("a study file over a million characters is refused as unreadable")
  void overLongStudy() {
    String huge = "id: huge\ntitle: \"" + "x".repeat(1_000_100) + "\"\n";
    HttpResponse<Buffer> r = kenes.adminPost("/api/studies", "application/yaml", huge);
    assertTrue(r.statusCode() == 400 || r.statusCode() == 413, String.valueOf(r.statusCode()));
  }

  @Test
  @DisplayName("a valid save is idempotent: repeating it changes nothing")
  void idempotentSave() {
    JsonObject save = new JsonObject().put("answers", new JsonObject().put("audit", new JsonObject().put("value", 6)));
    assertEquals(200, kenes.put(answersPath(), save).statusCode());
    JsonObject once = savedAnswers();
    assertEquals(200, kenes.put(answersPath(), save).statusCode());
    assertEquals(once, savedAnswers());
  }

  @Test
  @DisplayName("comments over 10,000 characters are refused")
  void longComment() {
    JsonObject save = new JsonObject().put("answers", new JsonObject()
        .put("strategy", new JsonObject().put("value", 5).put("comment", "x".repeat(10_001))));
    HttpResponse<Buffer> r = kenes.put(answersPath(), save);
    assertEquals(400, r.statusCode());
    assertEquals("answers.strategy.comment", r.bodyAsJsonObject().getJsonArray("details").getJsonObject(0)
        .getString("path"));
  }

  @Test
  @DisplayName("a body over 1 MB answers 413")
  void hugeBody() throws IOException {
    // Through a socket of its own: the server answers as soon as it sees the length and closes the connection, and a
    // client still sending the rest might lose the answer to the reset.
    try (Socket socket = new Socket("localhost", kenes.port())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(("PUT " + answersPath() + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nContent-Length: 1100000\r\n\r\n{\"a\": \"xxxx")
          .getBytes(StandardCharsets.US_ASCII));
      String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
      assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
    }
  }

  @Test
  @DisplayName("an unknown personal link answers 404, on the API and the page")
  void unknownToken() {
    assertEquals(404, kenes.get("/api/p/not-a-token").statusCode());
    assertEquals(404, kenes.put("/api/p/not-a-token/answers", new JsonObject().put("answers", new JsonObject()))
        .statusCode());
    HttpResponse<Buffer> page = kenes.get("/p/not-a-token");
    assertEquals(404, page.statusCode());
    assertTrue(page.getHeader("Content-Type").startsWith("text/html"));
    assertTrue(page.bodyAsString().contains("check the link in your invitation"));
    HttpResponse<Buffer> russian = kenes.vertxClient().get("/p/not-a-token").putHeader("Accept-Language", "ru-RU,ru;q=0.9")
        .send().await();
    assertTrue(russian.bodyAsString().contains("<html lang=\"ru\""), "the error page speaks the browser's language");
    assertTrue(russian.bodyAsString().contains("проверьте ссылку в приглашении"));
  }

  @Test
  @DisplayName("participants: a bad CSV line is reported by number and nobody is added")
  void badParticipantsCsv() {
    int before = kenes.adminGet("/api/studies/small/participants").bodyAsJsonArray().size();
    String csv = "name,email,panel,language\nAna,ana@example.org,policy,en\nBo,bo@example.org,martians,ru\n"
        + "Cy,not-an-email,policy,kk\n";
    HttpResponse<Buffer> r = kenes.adminPost("/api/studies/small/participants", "text/csv", csv);
    assertEquals(400, r.statusCode());
    List<String> paths = r.bodyAsJsonObject().getJsonArray("details").stream()
        .map(d -> ((JsonObject) d).getString("path")).toList();
    assertEquals(List.of("line 3: panel", "line 4: email", "line 4: language"), paths);
    assertEquals(before, kenes.adminGet("/api/studies/small/participants").bodyAsJsonArray().size());
    HttpResponse<Buffer> ok = kenes.adminPost("/api/studies/small/participants", "text/csv",
        "name,email,panel,language\nAna,ana@example.org,policy,en\n");
    assertEquals(201, ok.statusCode());
  }

  @Test
  @DisplayName("a second round cannot open while one is open; unknown rounds and studies answer 404")
  void roundConflicts() {
    assertEquals(409, kenes.adminPost("/api/studies/small/rounds").statusCode());
    assertEquals(404, kenes.adminPost("/api/studies/small/rounds/7/close").statusCode());
    assertEquals(400, kenes.adminGet("/api/studies/small/rounds/zero/results").statusCode());
    assertEquals(404, kenes.adminGet("/api/studies/nope/report").statusCode());
  }

  @Test
  @DisplayName("the form post of the plain page saves like the API and redirects with 303; bad input keeps the form")
  void formPost() {
    String token = DelphiLoopTest.token(people, 1);
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("r-strategy", "8").add("c-strategy", "Because <b>yes</b>")
        .add("k-tools~audit", "2").add("k-tools~pdsa", "1").add("o-ideas", "More").add("action", "save");
    HttpResponse<Buffer> r = kenes.postForm("/p/" + token, form);
    assertEquals(303, r.statusCode());
    assertEquals("/p/" + token + "?done=saved", r.getHeader("Location"));
    JsonObject q = kenes.get("/api/p/" + token).bodyAsJsonObject();
    JsonObject strategy = q.getJsonArray("items").getJsonObject(0).getJsonObject("answer");
    assertEquals(new JsonObject().put("value", 8).put("comment", "Because <b>yes</b>"), strategy);
    assertEquals(new JsonArray(List.of("pdsa", "audit")),
        DelphiLoopTest.item(new JsonObject().put("items", q.getJsonArray("items")), "tools").getJsonObject("answer")
            .getJsonArray("ranking"));
    String page = kenes.get("/p/" + token).bodyAsString();
    assertTrue(page.contains("Because &lt;b&gt;yes&lt;/b&gt;"), "typed text is escaped");
    assertFalse(page.contains("<b>yes</b>"));

    MultiMap clash = MultiMap.caseInsensitiveMultiMap().add("r-audit", "3").add("k-tools~audit", "1")
        .add("k-tools~pdsa", "1").add("action", "submit");
    HttpResponse<Buffer> refused = kenes.postForm("/p/" + token, clash);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("Каждый ранг можно присвоить только одному варианту."),
        "the message is at the field, in the panelist's language");
    assertTrue(refused.bodyAsString().contains("id=\"err-tools-ranking\""));
    assertFalse(kenes.get("/api/p/" + token).bodyAsJsonObject().getBoolean("submitted"));
  }

  @Test
  @DisplayName("every answer carries the security headers")
  void securityHeaders() {
    HttpResponse<Buffer> r = kenes.get("/p/" + DelphiLoopTest.token(people, 0));
    assertTrue(r.getHeader("Content-Security-Policy").contains("frame-ancestors 'none'"));
    assertEquals("nosniff", r.getHeader("X-Content-Type-Options"));
    assertEquals("no-referrer", r.getHeader("Referrer-Policy"));
    assertEquals(200, kenes.get("/health").statusCode());
    for (String path : List.of("/static/css/kenes.css", "/nowhere", "/api/nowhere", "/health")) {
      HttpResponse<Buffer> any = kenes.get(path);
      assertEquals(SecurityHeadersExpectation.CSP, any.getHeader("Content-Security-Policy"), path);
      assertEquals("no-referrer", any.getHeader("Referrer-Policy"), path);
      assertEquals("nosniff", any.getHeader("X-Content-Type-Options"), path);
    }
  }

  /** The policy every answer must carry: no inline script or style, nothing framed, only our own origin. */
  private static final class SecurityHeadersExpectation {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }
}
