package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.answer.Answer;
import org.kenes.round.SaveFence;

/**
 * The lease fence between saves and a close: a save not acknowledged within its lease fails with nothing
 * acknowledged, and one whose write lands after the close's count is left out of everything. The store's slowness is
 * a hold on the saves' writes, and time is the test's clock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SaveFenceTest {

  @TempDir
  static Path dir;

  private static final TestClock CLOCK = new TestClock(Instant.now());
  private static TestKenes kenes;
  private static JsonArray people;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"), TestKenes.emptyFolder(dir.resolve("data")), Map.of(), CLOCK);
    kenes.createSmallStudy();
    people = kenes.addParticipants("small", "providers", "providers", "providers", "providers");
    kenes.adminPost("/api/studies/small/rounds");
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  /** A submit of every rating item, each at {@code value}. */
  private static JsonObject rating(int value) {
    JsonObject answers = new JsonObject();
    for (String item : new String[] {"strategy", "audit", "twinning", "fees"}) {
      answers.put(item, new JsonObject().put("value", value));
    }
    return new JsonObject().put("answers", answers).put("submit", true);
  }

  private static Future<HttpResponse<Buffer>> save(int panelist, int value) {
    return kenes.vertxClient().put("/api/p/" + DelphiLoopTest.token(people, panelist) + "/answers")
        .sendJsonObject(rating(value));
  }

  /** Holds every save's write on its way to the store until {@code release} completes; counts the writes held. */
  private static AtomicInteger hold(Promise<Void> release) {
    AtomicInteger held = new AtomicInteger();
    kenes.services().rounds().fence().holdWrites(() -> {
      held.incrementAndGet();
      return release.future();
    });
    return held;
  }

  private static int strategy(JsonObject results) {
    return results.getJsonArray("items").getJsonObject(0).getJsonObject("overall").getInteger("n");
  }

  @Test
  @Order(1)
  @DisplayName("a save not acknowledged within its lease answers 503 with nothing acknowledged; sent again, it is")
  void slowSaveFails() throws InterruptedException {
    Promise<Void> release = Promise.promise();
    AtomicInteger held = hold(release);
    Future<HttpResponse<Buffer>> slow = save(3, 5);
    Wait.until("the save's write is on its way", () -> held.get() == 1);
    CLOCK.advance(Duration.ofMillis(SaveFence.LEASE_MS + 1));
    kenes.services().rounds().fence().holdWrites(Future::succeededFuture);
    release.complete();
    HttpResponse<Buffer> answered = slow.await();
    assertEquals(503, answered.statusCode(), answered.bodyAsString());
    assertEquals("1", answered.getHeader("Retry-After"));
    assertEquals(200, save(3, 5).await().statusCode(), "sent again in time, the save is acknowledged");
  }

  @Test
  @Order(2)
  @DisplayName("a save whose write lands after the close's count answers 503 and is left out of the results, the "
      + "export and every later view; sent again, it is refused with 409")
  void lateSaveLeftOut() throws InterruptedException {
    assertEquals(200, save(0, 7).await().statusCode());
    Promise<Void> release = Promise.promise();
    AtomicInteger held = hold(release);
    // A revision of a set the close will count, and a first save: both on their way when the close begins.
    Future<HttpResponse<Buffer>> revision = save(0, 1);
    Future<HttpResponse<Buffer>> first = save(1, 2);
    Wait.until("both writes are on their way", () -> held.get() == 2);
    Future<HttpResponse<Buffer>> close = kenes.vertxClient().post("/api/studies/small/rounds/1/close")
        .bearerTokenAuthentication(TestKenes.ADMIN).send();
    // The close waits for the saves this instance has under way until their leases (and a margin) run out.
    CLOCK.advance(Duration.ofMillis(SaveFence.LEASE_MS + SaveFence.CACHE_MS + 1));
    JsonObject closed = close.await().bodyAsJsonObject();
    kenes.services().rounds().fence().holdWrites(Future::succeededFuture);
    release.complete();

    assertEquals(503, revision.await().statusCode(), revision.result().bodyAsString());
    assertEquals(503, first.await().statusCode(), first.result().bodyAsString());
    int counted = strategy(closed);
    assertTrue(counted >= 1, "the acknowledged answer is counted");
    assertEquals(closed, kenes.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject());
    String csv = kenes.adminGet("/api/studies/small/export.csv").bodyAsString();
    assertEquals(counted, csv.lines().filter(l -> l.contains(",strategy,")).count(), csv);
    // participant,panel,round,item,option,value,comment: only the values acknowledged, 5 and 7.
    assertTrue(csv.lines().filter(l -> l.contains(",strategy,")).allMatch(l -> l.matches(".*,strategy,,[57],.*")),
        "neither late answer is exported: " + csv);
    Answer kept = kenes.services().answerSets().find("small", 1, participant(0)).await().orElseThrow().answers()
        .get("strategy");
    assertEquals(7, ((Answer.Rating) kept).value(), "the revision written after the count is put back as counted");
    assertTrue(kenes.services().answerSets().find("small", 1, participant(1)).await().isEmpty(),
        "the first save written after the count is not there");
    assertEquals(409, save(1, 2).await().statusCode(), "the round is closed");
  }

  private static String participant(int i) {
    return kenes.services().participants().findByToken(DelphiLoopTest.token(people, i)).await().orElseThrow().id();
  }
}
