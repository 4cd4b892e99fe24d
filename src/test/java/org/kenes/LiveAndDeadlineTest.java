package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live event stream as answers arrive, and rounds that close themselves at their deadline. */
class LiveAndDeadlineTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("the live stream sends new participation counts after every submission, verdicts in steps of minCell")
  void liveStream() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants("small", "policy", "policy", "policy", "providers");
      kenes.adminPost("/api/studies/small/rounds");

      try (LiveEvents live = LiveEvents.open(kenes, "small")) {
        assertEquals(200, live.response.statusCode());
        String type = live.response.getHeader("Content-Type");
        assertTrue(type.startsWith("text/event-stream"), type);

        JsonObject first = live.next(e -> true);
        assertNotNull(first, "an event on connecting");
        assertEquals(0, first.getJsonObject("participation").getInteger("responded"));
        assertEquals(4, first.getJsonObject("participation").getInteger("invited"));

        JsonObject last = null;
        for (int i = 0; i < 4; i++) {
          kenes.put("/api/p/" + people.getJsonObject(i).getString("token") + "/answers", new JsonObject()
              .put("answers", new JsonObject().put("strategy", new JsonObject().put("value", 8))).put("submit", true));
          int expected = i + 1;
          last = live.next(e -> e.getJsonObject("participation").getInteger("responded") == expected);
          assertNotNull(last, "an event after submission " + expected);
          JsonObject strategy = last.getJsonArray("items").getJsonObject(0);
          assertEquals("strategy", strategy.getString("id"));
          assertEquals(expected < 3 ? 0 : 3, strategy.getInteger("n"), "statistics of the first 3 policy-makers");
          assertEquals(expected < 3 ? 0 : 3, last.getInteger("counted"));
        }
        // One provider is under minCell, and the three policy-makers are withheld too (secondary suppression): the
        // overall 4 minus them would be that one provider.
        JsonObject panels = last.getJsonObject("participation").getJsonObject("panels");
        assertEquals(4, last.getJsonObject("participation").getInteger("responded"));
        assertTrue(panels.getJsonObject("providers").getBoolean("suppressed"));
        assertTrue(panels.getJsonObject("policy").getBoolean("suppressed"));
        assertNull(panels.getJsonObject("policy").getValue("responded"));
        JsonObject strategy = last.getJsonArray("items").getJsonObject(0);
        assertEquals("insufficient", strategy.getString("verdict"), "3 ratings are under minResponses");
        assertEquals(1.0, strategy.getDouble("agree"));
        assertTrue(last.getBoolean("provisional"));

        kenes.adminPost("/api/studies/small/rounds/1/close");
        assertNotNull(live.next(e -> "closed".equals(e.getString("status"))), "closing is announced too");
      }
    }
  }

  @Test
  @DisplayName("a round opened with a deadline closes by itself once it has passed; the audit says Kenes did it")
  void deadline() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants("small", "policy", "providers");
      var past = kenes.adminPost("/api/studies/small/rounds", "application/json",
          new JsonObject().put("closesAt", "2020-01-01T00:00:00Z").encode());
      assertEquals(400, past.statusCode());
      assertEquals("closesAt", past.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
      assertEquals(400, kenes.adminPost("/api/studies/small/rounds", "application/json",
          new JsonObject().put("closesAt", "soon").encode()).statusCode());

      // Far enough ahead that opening the round and one save come first however slow the machine; in whole
      // milliseconds, as Kenes finds due rounds by the millisecond (a deadline within one could close a moment early).
      String closesAt = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS).toString();
      var opened = kenes.adminPost("/api/studies/small/rounds", "application/json",
          new JsonObject().put("closesAt", closesAt).encode());
      assertEquals(201, opened.statusCode(), opened.bodyAsString());
      assertEquals(closesAt, opened.bodyAsJsonObject().getString("closesAt"));
      assertEquals(200, kenes.put("/api/p/" + people.getJsonObject(0).getString("token") + "/answers", new JsonObject()
          .put("answers", new JsonObject().put("strategy", new JsonObject().put("value", 8))).put("submit", true))
          .statusCode());

      Wait.until("the round closes at its deadline", () -> "closed".equals(
          kenes.adminGet("/api/studies/small/rounds").bodyAsJsonArray().getJsonObject(0).getString("status")));
      JsonObject round = kenes.adminGet("/api/studies/small/rounds").bodyAsJsonArray().getJsonObject(0);
      assertTrue(Instant.parse(round.getString("closedAt")).isAfter(Instant.parse(closesAt)));
      JsonObject results = kenes.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject();
      assertEquals(false, results.getBoolean("provisional"));
      assertEquals(1, results.getJsonObject("participation").getInteger("responded"));
      assertEquals(409, kenes.put("/api/p/" + people.getJsonObject(1).getString("token") + "/answers", new JsonObject()
          .put("answers", new JsonObject()).put("submit", true)).statusCode(), "too late");
      // Kenes writes its audit entry once the close is complete, a moment after the round shows as closed.
      Wait.until("the audit records the close", () -> kenes.adminGet("/api/studies/small/audit").bodyAsJsonArray()
          .stream().map(JsonObject.class::cast).anyMatch(e -> "round.closed".equals(e.getString("action"))));
      JsonObject last = kenes.adminGet("/api/studies/small/audit").bodyAsJsonArray().stream().map(JsonObject.class::cast)
          .reduce((a, b) -> b).orElseThrow();
      assertEquals("kenes", last.getString("actor"));
      assertEquals("round.closed", last.getString("action"));
      assertEquals("round 1", last.getString("target"));
    }
  }

  @Test
  @DisplayName("participant status shows invited, opened, started and submitted per round, never an answer")
  void participantStatus() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants("small", "policy", "providers", "patients", "policy");
      kenes.adminPost("/api/studies/small/invitations");
      kenes.adminPost("/api/studies/small/rounds");
      kenes.get("/p/" + people.getJsonObject(1).getString("token"));
      kenes.put("/api/p/" + people.getJsonObject(2).getString("token") + "/answers", new JsonObject()
          .put("answers", new JsonObject().put("strategy", new JsonObject().put("value", 3).put("comment", "secret"))));
      kenes.put("/api/p/" + people.getJsonObject(3).getString("token") + "/answers", new JsonObject()
          .put("answers", new JsonObject().put("strategy", new JsonObject().put("value", 9))).put("submit", true));

      JsonArray list = kenes.adminGet("/api/studies/small/participants").bodyAsJsonArray();
      java.util.Map<String, String> byEmail = new java.util.HashMap<>();
      list.forEach(o -> {
        JsonObject p = (JsonObject) o;
        assertEquals("unsent", p.getString("invited"));
        assertEquals(1, p.getJsonArray("rounds").size());
        byEmail.put(p.getString("email"), p.getJsonArray("rounds").getJsonObject(0).getString("status"));
      });
      assertEquals(java.util.Map.of("p0@example.org", "not-opened", "p1@example.org", "opened",
          "p2@example.org", "started", "p3@example.org", "submitted"), byEmail);
      String body = list.encode();
      assertTrue(!body.contains("secret") && !body.contains("\"value\""), "no answer is shown");
      assertNull(list.getJsonObject(0).getValue("answers"));
    }
  }
}
