package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's PDF costs a worker for seconds: its renders are bounded, kept once final, and refused past a size. */
class ReportPdfLimitsTest {

  @TempDir
  static Path dir;
  static TestKenes kenes;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static String study(String id) {
    return TestKenes.resource("studies/small.yaml").replace("id: small", "id: " + id);
  }

  /** A study of {@code n} rating items. */
  private static String large(String id, int n) {
    StringBuilder yaml = new StringBuilder("id: " + id + "\ntitle: {en: \"Large\", ru: \"Большое\"}\n"
        + "languages: [en, ru]\npanels:\n  - {id: policy, name: {en: \"Policy\", ru: \"Политика\"}}\nitems:\n");
    for (int i = 0; i < n; i++) {
      yaml.append("  - {id: item-").append(i).append(", type: rating, text: {en: \"Item ").append(i)
          .append("\", ru: \"Пункт ").append(i).append("\"}}\n");
    }
    return yaml.toString();
  }

  private static HttpResponse<Buffer> pdf(String id) {
    return kenes.adminGet("/api/studies/" + id + "/report.pdf");
  }

  @Test
  @DisplayName("a report whose rounds are all closed is laid out once and kept, until a round opens or an item changes")
  void closedReportKept() throws Exception {
    kenes.adminPost("/api/studies", "application/yaml", study("kept"));
    kenes.addParticipants("kept", "policy", "providers");
    kenes.adminPost("/api/studies/kept/rounds");
    kenes.adminPost("/api/studies/kept/rounds/1/close");
    Buffer first = pdf("kept").body();
    // A PDF laid out again would carry another creation time (PDF dates count seconds).
    Thread.sleep(1_100);
    assertEquals(first, pdf("kept").body(), "the same PDF, kept");
    assertFalse(first.equals(kenes.adminGet("/api/studies/kept/report.pdf?lang=ru").body()),
        "another language is another PDF");
    assertEquals(200, kenes.vertxClient().put("/api/studies/kept/items/fees").bearerTokenAuthentication(TestKenes.ADMIN)
        .sendJsonObject(new JsonObject().put("provenance", new JsonObject().put("change", "retired")
            .put("note", "out of scope"))).await().statusCode());
    Buffer afterChange = pdf("kept").body();
    assertFalse(afterChange.equals(first), "an item changed: laid out anew");
    kenes.adminPost("/api/studies/kept/rounds");
    Buffer open = pdf("kept").body();
    Thread.sleep(1_100);
    assertFalse(open.equals(pdf("kept").body()), "with a round open the report moves: never kept");
  }

  @Test
  @DisplayName("a study of more than 300 items gets no PDF but a message saying so; its page and JSON are there")
  void largeStudyRefused() {
    assertEquals(201, kenes.adminPost("/api/studies", "application/yaml", large("large", 301)).statusCode());
    HttpResponse<Buffer> refused = pdf("large");
    assertEquals(409, refused.statusCode());
    String message = refused.bodyAsJsonObject().getString("error");
    assertTrue(message.contains("301") && message.contains("300"), message);
    assertEquals(200, kenes.adminGet("/api/studies/large/report").statusCode());
  }

  @Test
  @DisplayName("reports asked for all at once are laid out a few at a time; those past the queue are told to retry")
  void concurrentRendersBounded() {
    kenes.adminPost("/api/studies", "application/yaml", study("busy"));
    kenes.adminPost("/api/studies/busy/rounds");
    WebClient client = WebClient.create(kenes.vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(kenes.port()), new PoolOptions().setHttp1MaxSize(24));
    try {
      List<Future<HttpResponse<Buffer>>> asked = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        asked.add(client.get("/api/studies/busy/report.pdf").bearerTokenAuthentication(TestKenes.ADMIN).send());
      }
      List<Integer> statuses = asked.stream().map(f -> f.await().statusCode()).toList();
      assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 429), statuses.toString());
      assertTrue(statuses.contains(429), "some were told to retry: " + statuses);
      assertTrue(statuses.stream().filter(s -> s == 200).count() >= 2, "some were laid out: " + statuses);
      HttpResponse<Buffer> refused = asked.stream().map(f -> f.await()).filter(r -> r.statusCode() == 429).findFirst()
          .orElseThrow();
      assertTrue(Integer.parseInt(refused.getHeader("Retry-After")) > 0);
    } finally {
      client.close();
    }
  }
}
