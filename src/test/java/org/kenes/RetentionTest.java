package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.config.KenesConfig;
import org.kenes.store.Store;

/**
 * Retention periods, by a clock the test moves, with two instances on one store (as ScaleOutTest runs them): the
 * study's owners and its contact are warned 30 and 7 days before, and then the periodic task of both instances deletes
 * the personal data, once.
 */
class RetentionTest {

  @TempDir
  static Path dir;
  private static final TestClock CLOCK = new TestClock(Instant.now().minus(Duration.ofDays(1)));
  private static TestKenes first;
  private static TestKenes second;

  @BeforeAll
  static void start() throws Exception {
    first = TestKenes.start(dir.resolve("first"), TestKenes.emptyFolder(dir.resolve("first")), Map.of(), CLOCK);
    String uri = Files.readString(first.config.dataDir().resolve(Store.URI_FILE)).trim();
    second = TestKenes.start(dir.resolve("second"), TestKenes.emptyFolder(dir.resolve("second")),
        Map.of(KenesConfig.MONGO_URI, uri), CLOCK);
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  /** A study held to its end: one round answered, closed, and its results published. */
  private static RightsFixture ended(String id, String more) {
    CLOCK.set(Instant.now().minus(Duration.ofDays(1)));
    RightsFixture f = RightsFixture.create(first, id, more);
    f.agreeAll();
    f.openRound();
    f.answerAll(0, 2);
    f.closeRound(1);
    assertEquals(200, first.adminPost("/api/studies/" + id + "/publication").statusCode());
    return f;
  }

  private static JsonObject retention(TestKenes kenes, String study) {
    return kenes.adminGet("/api/studies/" + study + "/retention").bodyAsJsonObject();
  }

  private static List<JsonObject> audit(String study, String action) {
    return first.adminGet("/api/studies/" + study + "/audit").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(e -> action.equals(e.getString("action"))).toList();
  }

  private static List<JsonObject> warnings(String study) {
    return first.adminGet("/api/studies/" + study + "/outbox").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(m -> "retention".equals(m.getString("kind"))).toList();
  }

  @Test
  @DisplayName("a retention of 0 days: nothing goes before the clock reaches the end; then both instances' task "
      + "deletes names, emails, links, messages and consents once, and the answers stay")
  void purgeWithTwoInstances() throws Exception {
    RightsFixture f = ended("purged", "retentionDays: 0\n");
    Instant end = Instant.parse(retention(first, f.study).getString("endedAt"));
    assertEquals(end.toString(), retention(second, f.study).getString("purgeAt"), "0 days after the end");
    String export = first.adminGet("/api/studies/" + f.study + "/export.csv").bodyAsString();
    JsonObject results = first.adminGet("/api/studies/" + f.study + "/rounds/1/results").bodyAsJsonObject();
    Wait.until("both instances' schedule written", () -> first.services().store().client()
        .count("retention", new JsonObject().put("_id", f.study)).await() == 1);
    assertEquals(9, first.adminGet("/api/studies/" + f.study + "/participants").bodyAsJsonArray().size(),
        "the clock has not reached the end yet");

    CLOCK.set(end.plusSeconds(1));
    for (TestKenes kenes : List.of(first, second)) {
      Wait.until("the personal data deleted, as seen through each instance", () -> kenes
          .adminGet("/api/studies/" + f.study + "/participants").bodyAsJsonArray().isEmpty()
          && kenes.get("/api/p/" + f.token(1)).statusCode() == 404);
    }
    Wait.until("the purge recorded", () -> audit(f.study, "retention.purged").size() == 1);
    String store = first.services().store().client().getCollections().await().stream()
        .flatMap(c -> first.services().store().client().find(c, new JsonObject()).await().stream())
        .map(JsonObject::encode).reduce("", String::concat);
    for (String secret : List.of(f.name, f.email, f.token(0), "other3@example.org", f.token(3))) {
      assertFalse(store.contains(secret), "the store still holds " + secret);
    }
    assertEquals(export, first.adminGet("/api/studies/" + f.study + "/export.csv").bodyAsString(),
        "the answers stay, under the same pseudonyms");
    assertEquals(results, second.adminGet("/api/studies/" + f.study + "/rounds/1/results").bodyAsJsonObject());
    assertTrue(first.adminGet("/api/studies/" + f.study + "/outbox").bodyAsJsonArray().isEmpty());
    assertNotNull(retention(second, f.study).getString("purgedAt"));
    String page = first.adminGet("/console/studies/" + f.study).bodyAsString();
    assertTrue(page.contains("Deleted on"), "the console says so");
    // Both instances' tasks pass over the purged study again, at once: still one record.
    io.vertx.core.Future.all(first.services().retention().run(), second.services().retention().run()).await();
    assertEquals(1, audit(f.study, "retention.purged").size());
  }

  @Test
  @DisplayName("the owners with an address, each in their language, and the contact are warned 30 and 7 days before "
      + "the deletion, once each, by mail through the outbox; the console warns the owners and the admin")
  void warnings() throws Exception {
    RightsFixture f = ended("warned", "retentionDays: 40\n");
    ConsoleSession olga = account("olga", "Olga Petrova", "owner", f.study);
    assertEquals(303, olga.post("/console/preferences", "/console/preferences", MultiMap.caseInsensitiveMultiMap()
        .add("language", "ru").add("timeZone", "UTC").add("email", "olga.petrova@health.example.org")).statusCode());
    ConsoleSession timur = account("timur", "Timur B.", "owner", f.study);
    ConsoleSession nadia = account("nadia", "Nadia K.", "facilitator", f.study);
    first.adminPut("/api/accounts/nadia/email", new JsonObject().put("email", "nadia@health.example.org"));
    JsonObject schedule = retention(first, f.study);
    assertEquals(40, schedule.getInteger("days"));
    Instant purgeAt = Instant.parse(schedule.getString("purgeAt"));
    String page = first.adminGet("/console/studies/" + f.study).bodyAsString();
    assertTrue(page.contains("They will be deleted on"), "the console shows when");
    assertFalse(page.contains("To keep it longer"), "no warning 41 days before");
    String owners = olga.get("/console/studies/" + f.study).bodyAsString();
    assertTrue(owners.contains("Предупреждения отправляются по почте за 30 и за 7 дней: Olga Petrova (владелец), "
        + "dpo@example.org (контакт по вопросам персональных данных)."), owners);
    assertTrue(owners.contains("которым письма не отправляются: Timur B."), "the owner who gets no mail is named");

    CLOCK.set(purgeAt.minus(Duration.ofDays(29)));
    Wait.until("the 30-day warning", () -> warnings(f.study).size() == 2);
    JsonObject toContact = warning(f.study, "dpo@example.org", 29);
    assertTrue(toContact.getString("subject").contains("29 days"), toContact.getString("subject"));
    assertTrue(toContact.getString("body").contains("http://kenes.test/console/studies/" + f.study
        + "/build/privacy"), toContact.encode());
    JsonObject toOlga = warning(f.study, "olga.petrova@health.example.org", 29);
    assertTrue(toOlga.getString("subject").startsWith("Через 29 дн."), "in her language: " + toOlga.encode());
    assertTrue(warnings(f.study).stream().noneMatch(m -> m.getString("to").startsWith("nadia")),
        "a facilitator is no owner");
    assertTrue(first.adminGet("/console/studies/" + f.study).bodyAsString().contains("To keep it longer"));
    assertTrue(first.adminGet("/console").bodyAsString().contains("In 29 days the panelists"), "and the list");
    assertTrue(timur.get("/console").bodyAsString().contains("In 29 days the panelists"), "an owner's list too");
    assertTrue(olga.get("/console/studies/" + f.study).bodyAsString().contains("Через 29 дн."));
    for (String other : List.of(nadia.get("/console").bodyAsString(),
        nadia.get("/console/studies/" + f.study).bodyAsString())) {
      assertFalse(other.contains("In 29 days the panelists"), "the owners' warning, not a facilitator's");
      assertFalse(other.contains("health.example.org") || other.contains("dpo@example.org"), "nor the addresses");
    }

    CLOCK.set(purgeAt.minus(Duration.ofDays(6)));
    Wait.until("the 7-day warning", () -> warnings(f.study).size() == 4);
    Wait.until("both recorded", () -> audit(f.study, "retention.warned").size() == 2);
    warning(f.study, "olga.petrova@health.example.org", 6);
    assertEquals(9, first.adminGet("/api/studies/" + f.study + "/participants").bodyAsJsonArray().size());
    assertNull(retention(first, f.study).getString("purgedAt"));
    assertEquals(4, warnings(f.study).size(), "one message per warning and address, with two instances sending");
    assertEquals(2, audit(f.study, "retention.warned").size());
    JsonArray people = second.adminGet("/api/studies/" + f.study + "/participants").bodyAsJsonArray();
    assertEquals(9, people.size());
  }

  /** An account of {@code first} with a role on a study, signed in to the console. */
  private static ConsoleSession account(String username, String name, String role, String study) {
    first.adminPost("/api/accounts", "application/json", new JsonObject().put("username", username)
        .put("name", name).put("password", TestKenes.PASSWORD).encode());
    first.grant(study, username, role);
    return ConsoleSession.login(first, username, TestKenes.PASSWORD);
  }

  /** The retention warning to an address of {@code days} days. */
  private static JsonObject warning(String study, String to, int days) {
    return warnings(study).stream().filter(m -> to.equals(m.getString("to")))
        .filter(m -> m.getString("subject").contains(String.valueOf(days))).findFirst()
        .orElseThrow(() -> new AssertionError("no warning of " + days + " days to " + to + ": " + warnings(study)));
  }
}
