package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.config.KenesConfig;
import org.kenes.store.Store;

/** Two Kenes instances on one store give the results one would: tallies are kept in the store, not in memory. */
class ScaleOutTest {

  @TempDir
  Path dir;

  /** A second instance whose KENES_MONGO_URI is the first one's embedded store. */
  private TestKenes secondOn(TestKenes first) throws Exception {
    String uri = Files.readString(first.config.dataDir().resolve(Store.URI_FILE)).trim();
    return TestKenes.start(dir.resolve("second"), dir.resolve("second-surveys-none"),
        Map.of(KenesConfig.MONGO_URI, uri));
  }

  @Test
  @DisplayName("answers sent through two instances on one store: both show the same live steps, closed results, export")
  void twoInstancesOneStore() throws Exception {
    try (TestKenes first = TestKenes.start(dir.resolve("first")); TestKenes second = secondOn(first)) {
      first.createSmallStudy();
      JsonArray people = second.addParticipants("small", "policy", "policy", "policy", "providers", "providers",
          "providers", "patients", "patients", "patients");
      second.adminPost("/api/studies/small/rounds");
      // An instance sees a round opened by another within a second (its cache of the rounds; saves check openness
      // with their own write): the first is asked until it does.
      Wait.until("the first instance sees round 1 open", () -> first.adminGet("/api/studies/small/rounds")
          .bodyAsJsonArray().stream().map(JsonObject.class::cast).anyMatch(r -> "open".equals(r.getString("status"))));
      for (int i = 0; i < people.size(); i++) {
        TestKenes via = i % 2 == 0 ? first : second;
        JsonObject answers = new JsonObject().put("strategy", new JsonObject().put("value", 1 + i))
            .put("audit", new JsonObject().put("value", 9 - i));
        assertEquals(200, via.put("/api/p/" + DelphiLoopTest.token(people, i) + "/answers",
            new JsonObject().put("answers", answers).put("submit", true)).statusCode());
        // Revisions through the other instance move the same tallies.
        TestKenes other = via == first ? second : first;
        assertEquals(200, other.put("/api/p/" + DelphiLoopTest.token(people, i) + "/answers",
            new JsonObject().put("answers", new JsonObject().put("audit", new JsonObject().put("value", 5)))
                .put("submit", true)).statusCode());
      }
      JsonObject liveFirst = first.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject();
      JsonObject liveSecond = second.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject();
      assertEquals(liveFirst, liveSecond);
      assertEquals(first.adminGet("/api/studies/small/export.csv").bodyAsString(),
          second.adminGet("/api/studies/small/export.csv").bodyAsString(), "one study secret, the same pseudonyms");
      assertEquals(9, liveFirst.getJsonObject("participation").getInteger("responded"));
      JsonObject audit = DelphiLoopTest.item(liveFirst, "audit").getJsonObject("overall");
      assertEquals(9, audit.getJsonObject("histogram").getInteger("5"), "every revision counted once");
      JsonObject closed = second.adminPost("/api/studies/small/rounds/1/close").bodyAsJsonObject();
      assertEquals(closed, first.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject());
      JsonObject withoutTexts = closed.copy();
      withoutTexts.getJsonArray("items").forEach(i -> {
        ((JsonObject) i).remove("comments");
        ((JsonObject) i).remove("reasons");
      });
      assertEquals(9, liveFirst.remove("counted"), "each panel stepped to its three answers");
      assertEquals(withoutTexts, liveFirst.put("provisional", false), "the live tallies matched the answers");
    }
  }

  @Test
  @DisplayName("a save through one instance moves the live stream of the other")
  void liveStreamAcrossInstances() throws Exception {
    try (TestKenes first = TestKenes.start(dir.resolve("first")); TestKenes second = secondOn(first)) {
      first.createSmallStudy();
      JsonArray people = first.addParticipants("small", "policy", "providers");
      first.adminPost("/api/studies/small/rounds");
      try (LiveEvents live = LiveEvents.open(first, "small")) {
        // The stream is under way once its first event has come; the save is taken after that.
        assertNotNull(live.next(e -> true), "an event on connecting");
        assertEquals(200, second.put("/api/p/" + DelphiLoopTest.token(people, 0) + "/answers", new JsonObject()
            .put("answers", new JsonObject().put("strategy", new JsonObject().put("value", 8))).put("submit", true))
            .statusCode());
        assertNotNull(live.next(e -> e.getJsonObject("participation").getInteger("responded", 0) == 1),
            "the first instance's stream shows the answer the second took");
      }
    }
  }
}
