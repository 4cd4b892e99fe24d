package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.common.Sha256;

/** Report links: the report page and its PDF for people without an account, and nothing else. */
class ReportLinksTest {

  @TempDir
  Path dir;

  private static HttpResponse<Buffer> create(TestKenes kenes, String token, JsonObject body) {
    return kenes.vertxClient().post("/api/studies/small/report-links").bearerTokenAuthentication(token)
        .sendJsonObject(body).await();
  }

  /** The path of a link the API made: {@code /r/{secret}}. */
  private static String path(HttpResponse<Buffer> created) {
    return created.bodyAsJsonObject().getString("link").replace("http://kenes.test", "");
  }

  @Test
  @DisplayName("an owner's report link opens the report page and its PDF, with no referrer, and nothing else")
  void pageAndPdfOnly() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      String olga = kenes.account("olga");
      String fedor = kenes.account("fedor");
      kenes.grant("small", "olga", "owner");
      kenes.grant("small", "fedor", "facilitator");
      assertEquals(403, create(kenes, fedor, new JsonObject()).statusCode(), "an owner's power");

      HttpResponse<Buffer> created = create(kenes, olga, new JsonObject().put("label", "Strategy writers"));
      assertEquals(201, created.statusCode(), created.bodyAsString());
      String link = path(created);
      String secret = link.substring("/r/".length());
      assertTrue(secret.length() >= 32, "192 random bits: " + secret);
      assertEquals("active", created.bodyAsJsonObject().getString("status"));

      HttpResponse<Buffer> page = kenes.get(link);
      assertEquals(200, page.statusCode());
      assertEquals("no-referrer", page.getHeader("Referrer-Policy"));
      String html = page.bodyAsString();
      assertTrue(html.contains("Small test study") && html.contains("id=\"summary\""), "the report itself");
      assertTrue(html.contains("href=\"" + link + "/report.pdf?lang"), "its PDF, through the link");
      assertFalse(html.contains("/api/") || html.contains("/console") || html.contains("/studies/small"),
          "no link the secret does not open");
      String russian = kenes.get(link + "?lang=ru").bodyAsString();
      assertTrue(russian.contains("<html lang=\"ru\">") && russian.contains("Небольшое тестовое исследование"));

      HttpResponse<Buffer> pdf = kenes.get(link + "/report.pdf?lang=ru");
      assertEquals(200, pdf.statusCode());
      assertEquals("application/pdf", pdf.getHeader("Content-Type"));
      assertEquals("no-referrer", pdf.getHeader("Referrer-Policy"));
      try (PDDocument document = Loader.loadPDF(pdf.body().getBytes())) {
        assertTrue(new PDFTextStripper().getText(document).contains("Небольшое тестовое исследование"));
      }

      // The secret opens nothing else: not as a token, not under other paths, not as a personal link.
      for (String other : List.of(link + "/export.csv", link + "/report", link + "/report.json", "/p/" + secret,
          "/api/p/" + secret)) {
        assertEquals(404, kenes.get(other).statusCode(), other);
      }
      for (String api : List.of("/api/studies/small/report", "/api/studies/small/report.pdf",
          "/api/studies/small/export.csv", "/api/studies", "/studies/small/report", "/console/studies/small")) {
        assertEquals(401, kenes.vertxClient().get(api).bearerTokenAuthentication(secret).send().await().statusCode(),
            api);
        assertEquals(401, kenes.vertxClient().get(api).putHeader("Cookie", "kenes_session=" + secret).send().await()
            .statusCode(), api);
      }

      // Stored hashed: the store holds no working link.
      JsonObject stored = kenes.services().store().client().findOne("reportLinks",
          new JsonObject().put("_id", Sha256.hex(secret)), null).await();
      assertEquals("Strategy writers", stored.getString("label"));
      assertFalse(stored.encode().contains(secret));
      JsonArray listed = kenes.vertxClient().get("/api/studies/small/report-links").bearerTokenAuthentication(olga)
          .send().await().bodyAsJsonArray();
      assertEquals(1, listed.size());
      assertFalse(listed.encode().contains(secret), "the list never shows a secret");
      assertTrue(kenes.adminGet("/api/studies/small/audit").bodyAsJsonArray().stream().map(e -> (JsonObject) e)
          .anyMatch(e -> e.getString("action").equals("report-link.created") && e.getString("actor").equals("olga")
              && e.getString("target").contains("Strategy writers")));
    }
  }

  @Test
  @DisplayName("a revoked or expired link answers 404, page and PDF alike; revoking is audited")
  void revokedAndExpired() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).toString();
      HttpResponse<Buffer> expiring = create(kenes, TestKenes.ADMIN, new JsonObject().put("expiresAt", tomorrow));
      assertEquals(201, expiring.statusCode(), expiring.bodyAsString());
      String link = path(expiring);
      assertEquals(200, kenes.get(link).statusCode());
      // A day passes: the stored expiry is moved to the past, as time would.
      kenes.services().store().client().updateCollection("reportLinks",
          new JsonObject().put("id", expiring.bodyAsJsonObject().getString("id")), new JsonObject().put("$set",
              new JsonObject().put("expiresAt", Instant.now().minusSeconds(1).toString()))).await();
      assertEquals(404, kenes.get(link).statusCode());
      assertEquals(404, kenes.get(link + "/report.pdf").statusCode());

      HttpResponse<Buffer> past = create(kenes, TestKenes.ADMIN,
          new JsonObject().put("expiresAt", "2020-01-01T00:00:00Z"));
      assertEquals(400, past.statusCode());
      assertEquals("expiresAt", past.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
      assertEquals(400, create(kenes, TestKenes.ADMIN, new JsonObject().put("expiresAt", "soon")).statusCode());

      HttpResponse<Buffer> kept = create(kenes, TestKenes.ADMIN, new JsonObject());
      String id = kept.bodyAsJsonObject().getString("id");
      assertEquals(200, kenes.get(path(kept)).statusCode());
      HttpResponse<Buffer> revoked = kenes.vertxClient().delete("/api/studies/small/report-links/" + id)
          .bearerTokenAuthentication(TestKenes.ADMIN).send().await();
      assertEquals(200, revoked.statusCode());
      assertEquals("revoked", revoked.bodyAsJsonObject().getString("status"));
      assertEquals(404, kenes.get(path(kept)).statusCode());
      assertEquals(404, kenes.get(path(kept) + "/report.pdf").statusCode());
      assertEquals(200, kenes.vertxClient().delete("/api/studies/small/report-links/" + id)
          .bearerTokenAuthentication(TestKenes.ADMIN).send().await().statusCode(), "revoking again changes nothing");
      assertEquals(404, kenes.vertxClient().delete("/api/studies/small/report-links/unknown")
          .bearerTokenAuthentication(TestKenes.ADMIN).send().await().statusCode());

      List<String> statuses = kenes.adminGet("/api/studies/small/report-links").bodyAsJsonArray().stream()
          .map(l -> ((JsonObject) l).getString("status")).sorted().toList();
      assertEquals(List.of("expired", "revoked"), statuses);
      assertEquals(2, kenes.adminGet("/api/studies/small/audit").bodyAsJsonArray().stream()
          .filter(e -> ((JsonObject) e).getString("action").equals("report-link.revoked")).count());
    }
  }

  @Test
  @DisplayName("the owner makes a link in the console, sees it once, and revokes it there")
  void inTheConsole() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      ConsoleSession admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
      HttpResponse<Buffer> refused = admin.post("/console/studies/small/report-links", "/console/studies/small/access",
          MultiMap.caseInsensitiveMultiMap().add("label", "Ministry").add("expiresAt", "2020-01-01T10:00"));
      assertEquals(400, refused.statusCode());
      assertTrue(refused.bodyAsString().contains("<code>expiresAt</code>: must lie in the future"));
      assertTrue(refused.bodyAsString().contains("value=\"Ministry\""), "what was typed is kept");

      HttpResponse<Buffer> made = admin.post("/console/studies/small/report-links", "/console/studies/small/access",
          MultiMap.caseInsensitiveMultiMap().add("label", "Ministry").add("expiresAt", "2099-01-01T10:00"));
      assertEquals(201, made.statusCode(), made.bodyAsString());
      Matcher m = Pattern.compile("value=\"http://kenes.test(/r/[^\"]+)\"")
          .matcher(made.bodyAsString());
      assertTrue(m.find(), made.bodyAsString());
      String link = m.group(1);
      assertEquals(200, kenes.get(link).statusCode());
      String page = admin.get("/console/studies/small/access").bodyAsString();
      assertFalse(page.contains(link), "shown once, never again");
      assertTrue(page.contains("Ministry") && page.contains("1 Jan 2099, 10:00"), page);
      String id = kenes.adminGet("/api/studies/small/report-links").bodyAsJsonArray().getJsonObject(0).getString("id");
      HttpResponse<Buffer> revoked = admin.post("/console/studies/small/report-links/" + id + "/revoke",
          "/console/studies/small/access", MultiMap.caseInsensitiveMultiMap());
      assertEquals(303, revoked.statusCode());
      assertEquals(404, kenes.get(link).statusCode());
    }
  }

  @Test
  @DisplayName("a link made through one instance works through another on the same store")
  void severalInstances() {
    try (TestKenes a = TestKenes.start(dir.resolve("a"))) {
      a.createSmallStudy();
      String link = path(create(a, TestKenes.ADMIN, new JsonObject()));
      try (TestKenes b = TestKenes.start(dir.resolve("b"), TestKenes.emptyFolder(dir.resolve("b")),
          Map.of("KENES_MONGO_URI", a.services().store().embeddedUri()))) {
        assertEquals(200, b.get(link).statusCode());
        assertNotEquals(200, b.get(link + "x").statusCode());
      }
    }
  }
}
