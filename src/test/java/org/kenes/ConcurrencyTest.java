package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simultaneous saves and a close racing with answers. */
class ConcurrencyTest {

  @TempDir
  Path dir;

  private static JsonObject allItems(int value) {
    return new JsonObject().put("answers", new JsonObject()
        .put("strategy", new JsonObject().put("value", value))
        .put("audit", new JsonObject().put("value", value))
        .put("twinning", new JsonObject().put("value", value))
        .put("fees", new JsonObject().put("value", value))).put("submit", true);
  }

  @Test
  @DisplayName("many simultaneous saves for one panelist leave exactly one coherent answer set, counted once")
  void oneCoherentSet() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      String token = kenes.addParticipants("small", "policy").getJsonObject(0).getString("token");
      kenes.adminPost("/api/studies/small/rounds");
      List<Future<HttpResponse<Buffer>>> saves = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        saves.add(kenes.vertxClient().put("/api/p/" + token + "/answers").sendJsonObject(allItems(1 + i % 9)));
      }
      Future.all(saves).await();
      saves.forEach(s -> assertEquals(200, s.result().statusCode()));
      JsonArray items = kenes.get("/api/p/" + token).bodyAsJsonObject().getJsonArray("items");
      int value = items.getJsonObject(0).getJsonObject("answer").getInteger("value");
      for (int i = 0; i < 4; i++) {
        assertEquals(value, items.getJsonObject(i).getJsonObject("answer").getInteger("value"), "one save's values");
      }
      JsonObject live = kenes.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject();
      assertEquals(1, live.getJsonObject("participation").getInteger("responded"));
      Map<String, Map<String, Number>> tallies = kenes.tallies("small", 1);
      JsonObject closed = kenes.adminPost("/api/studies/small/rounds/1/close").bodyAsJsonObject();
      assertEquals(kenes.tallies("small", 1), tallies, "the live tallies count the set once, as a recount does");
      JsonObject strategy = closed.getJsonArray("items").getJsonObject(0).getJsonObject("overall");
      assertEquals(1, strategy.getInteger("n"));
      assertEquals(1, strategy.getJsonObject("histogram").getInteger(String.valueOf(value)));
    }
  }

  @Test
  @DisplayName("a close racing with saves counts every acknowledged answer and accepts none after it")
  void closeWhileAnswersArrive() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      String[] panels = new String[60];
      java.util.Arrays.fill(panels, "providers");
      JsonArray people = kenes.addParticipants("small", panels);
      kenes.adminPost("/api/studies/small/rounds");
      List<Future<HttpResponse<Buffer>>> saves = new ArrayList<>();
      Future<HttpResponse<Buffer>> close = null;
      for (int i = 0; i < people.size(); i++) {
        saves.add(kenes.vertxClient().put("/api/p/" + DelphiLoopTest.token(people, i) + "/answers")
            .sendJsonObject(allItems(7)));
        if (i == people.size() / 2) {
          close = kenes.vertxClient().post("/api/studies/small/rounds/1/close")
              .bearerTokenAuthentication(TestKenes.ADMIN).send();
        }
      }
      Future.join(saves).otherwiseEmpty().await();
      JsonObject results = close.await().bodyAsJsonObject();
      long acknowledged = saves.stream().filter(s -> s.succeeded() && s.result().statusCode() == 200).count();
      long refused = saves.stream().filter(s -> s.succeeded() && s.result().statusCode() == 409).count();
      // Past its lease (a loaded machine) a save fails with nothing acknowledged: counted or not, as it landed.
      long late = saves.stream().filter(s -> s.succeeded() && s.result().statusCode() == 503).count();
      assertEquals(people.size(), acknowledged + refused + late, "every save is acknowledged, refused or too late");
      long responded = results.getJsonObject("participation").getLong("responded");
      assertTrue(responded >= acknowledged && responded <= acknowledged + late, "every acknowledged answer counted");
      assertEquals(responded, results.getJsonArray("items").getJsonObject(0).getJsonObject("overall").getLong("n"));
      String csv = kenes.adminGet("/api/studies/small/export.csv").bodyAsString();
      assertEquals(responded, csv.lines().filter(l -> l.contains(",strategy,")).count(),
          "the export holds exactly what the close counted: nothing refused was stored");
      assertEquals(results, kenes.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject());
      assertTrue(acknowledged > 0);
    }
  }

  @Test
  @DisplayName("simultaneous saves and revisions in every panel: the live tallies equal a recount of the answers")
  void liveTalliesUnderLoad() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      String[] panels = new String[45];
      for (int i = 0; i < panels.length; i++) {
        panels[i] = List.of("policy", "providers", "patients").get(i % 3);
      }
      JsonArray people = kenes.addParticipants("small", panels);
      kenes.adminPost("/api/studies/small/rounds");
      List<Future<HttpResponse<Buffer>>> saves = new ArrayList<>();
      for (int i = 0; i < people.size(); i++) {
        String path = "/api/p/" + DelphiLoopTest.token(people, i) + "/answers";
        // A whole submit and two revisions, in flight together: whichever lands last, each set is counted once.
        saves.add(kenes.vertxClient().put(path).sendJsonObject(allItems(1 + i % 9)));
        saves.add(kenes.vertxClient().put(path).sendJsonObject(new JsonObject().put("answers", new JsonObject()
            .put("audit", new JsonObject().put("value", 9 - i % 9))).put("submit", true)));
        saves.add(kenes.vertxClient().put(path).sendJsonObject(new JsonObject().put("answers", new JsonObject()
            .put("fees", new JsonObject().putNull("value")))));
      }
      Future.all(saves).await();
      saves.forEach(s -> assertEquals(200, s.result().statusCode(), s.result().bodyAsString()));
      JsonObject live = kenes.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject();
      JsonObject closed = kenes.adminPost("/api/studies/small/rounds/1/close").bodyAsJsonObject();
      closed.getJsonArray("items").forEach(i -> {
        ((JsonObject) i).remove("comments");
        ((JsonObject) i).remove("reasons");
      });
      assertEquals(people.size(), live.remove("counted"), "each panel's statistics stepped to all its answers");
      assertEquals(closed, live.put("provisional", false));
      assertEquals(people.size(), closed.getJsonObject("participation").getInteger("responded"));
    }
  }
}
