package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;

/**
 * What a panelist's phone downloads: pages, JSON and assets compressed when the client asks, assets cached for a year
 * under addresses that change with their content, and the example dialogue's third round within 10 kB on the wire.
 */
class TransferTest {

  @TempDir
  static Path dir;
  static TestKenes kenes;
  static String token;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void threeRounds() throws IOException {
    Path surveys = Files.createDirectories(dir.resolve("surveys"));
    Files.copy(Path.of("surveys/qoc-strategy.yaml"), surveys.resolve("qoc-strategy.yaml"));
    kenes = TestKenes.start(dir.resolve("data"), surveys);
    String[] panels = {"policy", "regional", "phc", "hospital", "academia", "patients", "partners"};
    JsonArray people = new JsonArray();
    for (int i = 0; i < 21; i++) {
      people.add(new JsonObject().put("email", "p" + i + "@example.org").put("panel", panels[i % panels.length])
          .put("language", i % 2 == 0 ? "ru" : "en"));
    }
    JsonArray added = kenes.adminPost("/api/studies/qoc-strategy/participants", "application/json", people.encode())
        .bodyAsJsonArray();
    token = added.getJsonObject(0).getString("token");
    for (int round = 1; round <= 3; round++) {
      assertEquals(201, kenes.adminPost("/api/studies/qoc-strategy/rounds").statusCode());
      if (round == 3) {
        break;
      }
      for (int i = 0; i < added.size(); i++) {
        String link = added.getJsonObject(i).getString("token");
        if (round == 1) {
          kenes.agree(link); // the example study asks consent before the first answer
        }
        JsonObject answers = new JsonObject();
        // Ratings spread over the whole scale, the same in both rounds: no consensus, every rating item asked again.
        for (Object o : kenes.get("/api/p/" + link).bodyAsJsonObject().getJsonArray("items")) {
          JsonObject item = (JsonObject) o;
          String id = item.getString("id");
          switch (item.getString("type")) {
            case "rating" -> answers.put(id, new JsonObject().put("value", i % 9 + 1)
                .put("comment", "Comment " + i + " on " + id));
            case "ranking" -> answers.put(id, new JsonObject().put("ranking", new JsonArray(item.getJsonArray("options")
                .stream().map(op -> ((JsonObject) op).getString("id")).toList())));
            default -> answers.put(id, new JsonObject().put("text", "Idea " + i));
          }
        }
        assertEquals(200, kenes.put("/api/p/" + link + "/answers", new JsonObject().put("answers", answers)
            .put("submit", true)).statusCode());
      }
      assertEquals(200, kenes.adminPost("/api/studies/qoc-strategy/rounds/" + round + "/close").statusCode());
    }
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static HttpResponse<byte[]> get(String path, String encoding) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kenes.port() + path));
    if (encoding != null) {
      request.header("Accept-Encoding", encoding);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @DisplayName("the example dialogue's round-3 questionnaire arrives in 10 kB or less, gzipped, and is not cached")
  void roundThreePage() throws Exception {
    HttpResponse<byte[]> plain = get("/p/" + token, null);
    HttpResponse<byte[]> gzipped = get("/p/" + token, "gzip, deflate");
    assertEquals(200, gzipped.statusCode());
    assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
    String page = gunzip(gzipped.body());
    assertEquals(new String(plain.body(), StandardCharsets.UTF_8), page, "the same page either way");
    assertTrue(page.contains("<svg "), "with the group's feedback of round 2");
    assertTrue(gzipped.body().length <= 10 * 1024, gzipped.body().length + " bytes on the wire, "
        + plain.body().length + " uncompressed");
    assertEquals("no-store", gzipped.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  @DisplayName("JSON, the CSV export and the report are compressed when asked, and only then")
  void apiCompressed() throws Exception {
    for (String path : new String[] {"/api/p/" + token, "/health"}) {
      assertEquals("gzip", get(path, "gzip").headers().firstValue("Content-Encoding").orElse(""), path);
      assertTrue(get(path, null).headers().firstValue("Content-Encoding").isEmpty(), path);
    }
    HttpRequest export = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kenes.port()
            + "/api/studies/qoc-strategy/export.csv")).header("Authorization", "Bearer " + TestKenes.ADMIN)
        .header("Accept-Encoding", "deflate").build();
    assertEquals("deflate", HTTP.send(export, HttpResponse.BodyHandlers.ofByteArray()).headers()
        .firstValue("Content-Encoding").orElse(""));
  }

  @Test
  @DisplayName("pages link assets by their content's version, cached a year; an old or bare address is revalidated")
  void assetsImmutable() throws Exception {
    String page = new String(get("/p/" + token, null).body(), StandardCharsets.UTF_8);
    Matcher css = Pattern.compile("href=\"(/static/css/kenes\\.css\\?v=[0-9a-f]{12})\"").matcher(page);
    assertTrue(css.find(), page);
    HttpResponse<byte[]> versioned = get(css.group(1), "gzip");
    assertEquals(200, versioned.statusCode());
    assertEquals(Assets.IMMUTABLE, versioned.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("gzip", versioned.headers().firstValue("Content-Encoding").orElse(""));
    assertTrue(gunzip(versioned.body()).contains("{"), "the style sheet itself");
    assertEquals("no-cache", get("/static/css/kenes.css", null).headers().firstValue("Cache-Control").orElse(""));
    assertEquals("no-cache", get("/static/css/kenes.css?v=000000000000", null).headers()
        .firstValue("Cache-Control").orElse(""));
  }

  @Test
  @DisplayName("an asset's address changes when its file changes")
  void versionFollowsContent() throws IOException {
    Path webroot = Files.createDirectories(dir.resolve("webroot/js"));
    Files.writeString(webroot.resolve("a.js"), "var a = 1;");
    String before = new Assets(dir.resolve("webroot"), false).url("js/a.js");
    Files.writeString(webroot.resolve("a.js"), "var a = 2;");
    String after = new Assets(dir.resolve("webroot"), false).url("js/a.js");
    assertTrue(before.startsWith("/static/js/a.js?v="), before);
    assertNotEquals(before, after);
    assertEquals("/static/js/b.js", new Assets(dir.resolve("webroot"), false).url("js/b.js"), "no file, no version");
  }
}
