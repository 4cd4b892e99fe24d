package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
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
  @Disabled("a revision through the second instance is sometimes missing from the live tallies for good (lost share "
      + "increment since the tallies are flushed every 250 ms); found at the merge of issue 21, under investigation")
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
      // Each instance writes its share of the live tallies every 250 ms: another instance's saves show that much later.
      // Equal results are not enough: both could show the same moment before the last revision's share arrived.
      Wait.until("both instances show every save", () -> {
        JsonObject one = first.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject();
        return one.equals(second.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject())
            && DelphiLoopTest.item(one, "audit").getJsonObject("overall").getJsonObject("histogram")
                .getInteger("5", 0) == people.size();
      });
      JsonObject liveFirst = first.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject();
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

  @Test
  @DisplayName("a close through the store's owner while a second instance takes saves counts every one it "
      + "acknowledged, and the export shows exactly what the close counted")
  void closeWhileAnotherInstanceSaves() throws Exception {
    try (TestKenes first = TestKenes.start(dir.resolve("first")); TestKenes second = secondOn(first)) {
      first.createSmallStudy();
      String[] panels = new String[40];
      Arrays.fill(panels, "providers");
      JsonArray people = first.addParticipants("small", panels);
      first.adminPost("/api/studies/small/rounds");
      Wait.until("the second instance sees round 1 open", () -> second.adminGet("/api/studies/small/rounds")
          .bodyAsJsonArray().stream().map(JsonObject.class::cast).anyMatch(r -> "open".equals(r.getString("status"))));
      List<Future<HttpResponse<Buffer>>> saves = new ArrayList<>();
      Future<HttpResponse<Buffer>> close = null;
      for (int i = 0; i < people.size(); i++) {
        saves.add(second.vertxClient().put("/api/p/" + DelphiLoopTest.token(people, i) + "/answers")
            .sendJsonObject(new JsonObject().put("answers", new JsonObject()
                .put("strategy", new JsonObject().put("value", 7))).put("submit", true)));
        if (i == people.size() / 2) {
          close = first.vertxClient().post("/api/studies/small/rounds/1/close")
              .bearerTokenAuthentication(TestKenes.ADMIN).send();
        }
      }
      Future.join(saves).otherwiseEmpty().await();
      JsonObject results = close.await().bodyAsJsonObject();
      long acknowledged = saves.stream().filter(r -> r.succeeded() && r.result().statusCode() == 200).count();
      long late = saves.stream().filter(r -> r.succeeded() && r.result().statusCode() == 503).count();
      long responded = results.getJsonObject("participation").getLong("responded");
      assertTrue(responded >= acknowledged && responded <= acknowledged + late,
          "counted " + responded + ", acknowledged " + acknowledged);
      String csv = second.adminGet("/api/studies/small/export.csv").bodyAsString();
      assertEquals(responded, csv.lines().filter(l -> l.contains(",strategy,")).count());
    }
  }
}
