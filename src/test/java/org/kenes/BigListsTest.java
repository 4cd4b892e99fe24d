package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.common.Tokens;

/**
 * A study of 20,000 participants and 20,000 messages: its console pages and API lists come a page at a time and
 * searchable, and while one is made the server goes on answering everyone else.
 */
class BigListsTest {

  private static final int PEOPLE = 20_000;
  private static final long GENEROUS_MS = 2_000;
  private static final Pattern ROW = Pattern.compile("/console/studies/small/participants/(P-[A-Z0-9]+)\"");

  @TempDir
  static Path dir;
  private static TestKenes kenes;
  private static ConsoleSession admin;
  private static final List<String> ids = new ArrayList<>();

  @BeforeAll
  static void seed() {
    kenes = TestKenes.start(dir.resolve("data"));
    kenes.createSmallStudy();
    Set<String> unique = new HashSet<>();
    while (unique.size() < PEOPLE) {
      unique.add(Tokens.participantId());
    }
    ids.addAll(unique.stream().sorted().toList());
    List<BulkOperation> people = new ArrayList<>();
    List<BulkOperation> messages = new ArrayList<>();
    String now = Instant.now().toString();
    for (int i = 0; i < PEOPLE; i++) {
      String id = ids.get(i);
      String name = String.format("Person %05d", i);
      String email = String.format("person%05d@example.org", i);
      people.add(BulkOperation.createInsert(new JsonObject().put("_id", "small:" + id).put("study", "small")
          .put("pseudonym", id).put("name", name).put("email", email).put("panel", "policy")
          .put("language", i % 2 == 0 ? "en" : "ru").put("token", Tokens.token()).put("createdAt", now)));
      messages.add(BulkOperation.createInsert(new JsonObject().put("_id", "small:invitation:" + id)
          .put("study", "small").put("participant", id).put("to", email).put("kind", "invitation")
          .put("language", "en").put("subject", "Invitation " + i).put("body", "Dear " + name + ", …")
          .put("status", "unsent").put("at", now).put("attempts", 0)));
    }
    var mongo = kenes.services().store().client();
    Future.all(mongo.bulkWrite("participants", people), mongo.bulkWrite("outbox", messages)).await();
    admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  /**
   * Sends the big request, then asks {@code /health} again and again until the big one is answered: /health must be
   * answered meanwhile, each time within half of what the big request takes (a blocked event loop holds it for
   * nearly all of that), or, on a machine busy with other work, within {@value #GENEROUS_MS} ms: the old pages held
   * the loop for many seconds.
   */
  private static HttpResponse<Buffer> whileHealthAnswers(Supplier<Future<HttpResponse<Buffer>>> big) {
    long start = System.nanoTime();
    Future<HttpResponse<Buffer>> answer = big.get();
    long slowest = 0;
    int answered = 0;
    while (!answer.isComplete()) {
      long asked = System.nanoTime();
      HttpResponse<Buffer> health = kenes.get("/health");
      assertEquals(200, health.statusCode());
      slowest = Math.max(slowest, System.nanoTime() - asked);
      if (!answer.isComplete()) {
        answered++;
      }
    }
    long took = System.nanoTime() - start;
    assertTrue(answered > 0, "/health was answered while the big request was served");
    assertTrue(slowest < Math.max(took / 2, GENEROUS_MS * 1_000_000), "/health took " + slowest / 1_000_000
        + " ms while the big request took "
        + took / 1_000_000 + " ms");
    return answer.await();
  }

  private static Future<HttpResponse<Buffer>> page(String path) {
    return admin.request(kenes.vertxClient().get(path)).putHeader("Accept", "text/html").send();
  }

  private static Future<HttpResponse<Buffer>> api(String path) {
    return kenes.vertxClient().get(path).bearerTokenAuthentication(TestKenes.ADMIN).send();
  }

  private static List<String> rows(String html) {
    List<String> found = new ArrayList<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  @DisplayName("the participants page of 20,000 shows a page of 100, turns pages and searches, /health answering")
  void participantsPage() {
    HttpResponse<Buffer> first = whileHealthAnswers(() -> page("/console/studies/small/participants"));
    assertEquals(200, first.statusCode());
    String html = first.bodyAsString();
    assertEquals(ids.subList(0, 100), rows(html));
    assertTrue(html.contains("1–100 of 20,000"), "how many, and which");
    assertTrue(html.contains("href=\"/console/studies/small/participants?page&#x3D;2\""), "a link to the next page");

    List<String> third = rows(admin.get("/console/studies/small/participants?page=3").bodyAsString());
    assertEquals(ids.subList(200, 300), third);

    String found = admin.get("/console/studies/small/participants?q=person12345%40EXAMPLE").bodyAsString();
    assertEquals(List.of(ids.get(12345)), rows(found));
    assertTrue(found.contains("value=\"person12345@EXAMPLE\""), "the search box keeps what was typed");
    assertTrue(admin.get("/console/studies/small/participants?q=nobody-at-all").bodyAsString()
        .contains("Nothing matches the search."));
  }

  @Test
  @DisplayName("the mail page with 20,000 messages shows a page of them and searches, /health answering")
  void mailPage() {
    HttpResponse<Buffer> first = whileHealthAnswers(() -> page("/console/studies/small/mail"));
    assertEquals(200, first.statusCode());
    String html = first.bodyAsString();
    assertEquals(100, html.split("<summary>Invitation ").length - 1);
    assertTrue(html.contains("1–100 of 20,000"));
    String found = admin.get("/console/studies/small/mail?q=person00007%40").bodyAsString();
    assertEquals(1, found.split("<summary>Invitation ").length - 1);
    assertTrue(found.contains("person00007@example.org"));
  }

  @Test
  @DisplayName("the API lists all 20,000 as before without paging, and a search or page of them with X-Total-Count")
  void api() {
    HttpResponse<Buffer> all = whileHealthAnswers(() -> api("/api/studies/small/participants"));
    JsonArray everyone = all.bodyAsJsonArray();
    assertEquals(PEOPLE, everyone.size());
    JsonObject one = everyone.getJsonObject(7);
    assertEquals(ids.get(7), one.getString("id"));
    assertTrue(one.containsKey("rounds") && one.containsKey("invited") && one.containsKey("link"));

    HttpResponse<Buffer> paged = api("/api/studies/small/participants?q=Person%20000&size=5&page=2").await();
    assertEquals("100", paged.getHeader("X-Total-Count"));
    assertEquals(ids.subList(5, 10), paged.bodyAsJsonArray().stream()
        .map(p -> ((JsonObject) p).getString("id")).toList());

    HttpResponse<Buffer> outbox = whileHealthAnswers(() -> api("/api/studies/small/outbox"));
    assertEquals(PEOPLE, outbox.bodyAsJsonArray().size());
    HttpResponse<Buffer> sent = api("/api/studies/small/outbox?q=person19999").await();
    assertEquals("1", sent.getHeader("X-Total-Count"));
    assertEquals("person19999@example.org", sent.bodyAsJsonArray().getJsonObject(0).getString("to"));

    HttpResponse<Buffer> bad = api("/api/studies/small/outbox?page=0&size=5000").await();
    assertEquals(400, bad.statusCode());
    assertEquals(List.of("page", "size"), bad.bodyAsJsonObject().getJsonArray("details").stream()
        .map(d -> ((JsonObject) d).getString("path")).toList());
    assertEquals(100, kenes.adminGet("/api/studies/small/participants?page=200").bodyAsJsonArray().size());
    HttpResponse<Buffer> beyond = kenes.adminGet("/api/studies/small/participants?page=201");
    assertTrue(beyond.bodyAsJsonArray().isEmpty(), "past the last page: none, and how many there are");
    assertEquals("20000", beyond.getHeader("X-Total-Count"));
  }
}
