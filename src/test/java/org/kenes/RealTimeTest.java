package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.consensus.Criteria;
import org.kenes.consensus.PairedTally;
import org.kenes.consensus.RatingStats;
import org.kenes.consensus.RatingTally;
import org.kenes.consensus.Stability;
import org.kenes.round.ResultsJson;

/** The real-time mode (issue 18 part 2): one long round, live feedback, revisions, convergence. */
class RealTimeTest {

  private static final List<String> RATINGS = List.of("strategy", "audit", "twinning", "fees");
  private static final String[] PANELS = {"policy", "providers", "patients"};

  @TempDir
  static Path dir;
  private static TestKenes kenes;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  /** The small study in real time under another id. */
  static String create(TestKenes kenes, String id) {
    String yaml = TestKenes.resource("studies/small.yaml").replace("id: small", "id: " + id) + "mode: real-time\n";
    HttpResponse<Buffer> created = kenes.adminPost("/api/studies", "application/yaml", yaml);
    assertEquals(201, created.statusCode(), created.bodyAsString());
    return id;
  }

  @Test
  @DisplayName("a real-time study has one round, says so, and shows a panelist the group's figures on an item only "
      + "once they have answered it")
  void oneRoundAndLiveFeedback() {
    String study = create(kenes, "rt-one");
    JsonObject definition = kenes.adminGet("/api/studies/" + study).bodyAsJsonObject();
    assertEquals(1, definition.getJsonObject("rounds").getInteger("max"), definition.encode());
    JsonArray people = kenes.addParticipants(study, "policy", "policy", "policy", "providers");
    assertEquals(201, kenes.adminPost("/api/studies/" + study + "/rounds").statusCode());
    String token = token(people, 0);

    JsonObject before = questionnaire(token);
    assertEquals("real-time", before.getString("mode"));
    assertTrue(before.getJsonArray("items").stream().map(JsonObject.class::cast)
        .noneMatch(i -> i.containsKey("feedback")), "nothing answered, nothing fed back");

    assertEquals(200, save(token, new JsonObject().put("audit", rating(8)), false).statusCode());
    JsonObject audit = item(questionnaire(token), "audit");
    JsonObject feedback = audit.getJsonObject("feedback");
    assertTrue(feedback.getBoolean("live"));
    assertEquals(new JsonObject().put("value", 8), feedback.getJsonObject("yours"));
    assertTrue(feedback.getJsonObject("overall").getBoolean("suppressed"), "fewer than minCell: nothing shown");
    assertFalse(item(questionnaire(token), "strategy").containsKey("feedback"));

    String page = kenes.get("/p/" + token).bodyAsString();
    assertTrue(page.contains("How the group has answered so far"), page);

    kenes.adminPost("/api/studies/" + study + "/rounds/1/close");
    assertEquals(409, kenes.adminPost("/api/studies/" + study + "/rounds").statusCode());
  }

  @Test
  @DisplayName("30 simulated panelists answer and revise in real time: they see the live figures and are asked for a "
      + "reason when moving away; the stored results equal a recount of the final answers, stability runs from first "
      + "to final answers, and the report says the mode and draws the convergence")
  void thirtyPanelistsRevising() throws Exception {
    String study = create(kenes, "rt-thirty");
    String[] panels = new String[30];
    for (int i = 0; i < panels.length; i++) {
      panels[i] = PANELS[i % PANELS.length];
    }
    JsonArray people = kenes.addParticipants(study, panels);
    assertEquals(201, kenes.adminPost("/api/studies/" + study + "/rounds").statusCode());
    Random random = new Random(18);
    List<Map<String, Integer>> first = new ArrayList<>();
    List<Map<String, Integer>> last = new ArrayList<>();
    for (int p = 0; p < people.size(); p++) {
      Map<String, Integer> values = new HashMap<>();
      RATINGS.forEach(item -> values.put(item, 1 + random.nextInt(9)));
      first.add(values);
      last.add(new HashMap<>(values));
      HttpResponse<Buffer> saved = save(token(people, p), whole(values), true);
      assertEquals(200, saved.statusCode(), saved.bodyAsString());
    }

    // The group's figures now shown to a panelist are the live figures a facilitator sees.
    JsonObject live = kenes.adminGet("/api/studies/" + study + "/rounds/1/results").bodyAsJsonObject();
    JsonObject shown = item(questionnaire(token(people, 0)), "audit").getJsonObject("feedback");
    assertEquals(item(live, "audit").getJsonObject("overall"), shown.getJsonObject("overall"));
    assertEquals(item(live, "audit").getJsonObject("panels"), shown.getJsonObject("panels"));

    // A rating moved away from the group needs a reason, as between rounds, of a panelist who can move away still.
    int mover = 0;
    JsonArray away = new JsonArray();
    while (away.isEmpty()) {
      mover++;
      away = item(questionnaire(token(people, mover)), "audit").getJsonObject("feedback")
          .getJsonArray("askReasonFor", new JsonArray());
    }
    HttpResponse<Buffer> refused = save(token(people, mover), new JsonObject().put("audit",
        rating(away.getInteger(away.size() - 1))), false);
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    assertEquals("answers.audit.reason", refused.bodyAsJsonObject().getJsonArray("details").getJsonObject(0)
        .getString("path"));

    // Three waves of revisions, towards the group's median or not, each with its reason.
    for (int wave = 0; wave < 3; wave++) {
      for (int p = 0; p < people.size(); p++) {
        if (random.nextInt(3) == 0) {
          continue;
        }
        String item = RATINGS.get(random.nextInt(RATINGS.size()));
        int value = Math.max(1, Math.min(9, (last.get(p).get(item) + 5) / 2 + random.nextInt(3) - 1));
        last.get(p).put(item, value);
        JsonObject answer = rating(value).put("reason", "Revised in wave " + wave);
        HttpResponse<Buffer> saved = save(token(people, p), new JsonObject().put(item, answer), false);
        assertEquals(200, saved.statusCode(), saved.bodyAsString());
      }
    }

    JsonObject results = kenes.adminPost("/api/studies/" + study + "/rounds/1/close").bodyAsJsonObject();
    assertEquals("real-time", results.getString("mode"));
    assertEquals(results, kenes.adminGet("/api/studies/" + study + "/rounds/1/results").bodyAsJsonObject());
    Criteria criteria = kenes.services().studies().get(study).await().criteria();
    for (String item : RATINGS) {
      RatingTally firsts = tally(first, item);
      RatingTally finals = tally(last, item);
      JsonObject stored = item(results, item);
      assertEquals(ResultsJson.stats(RatingStats.of(finals, criteria)), stored.getJsonObject("overall"), item);
      assertEquals(ResultsJson.stats(RatingStats.of(firsts, criteria)),
          results.getJsonObject("first").getJsonObject(item), item);
      PairedTally.Builder pairs = new PairedTally.Builder();
      for (int p = 0; p < first.size(); p++) {
        pairs.add(first.get(p).get(item), last.get(p).get(item));
      }
      Stability expected = Stability.of(firsts, finals, pairs.build(), criteria.stableBelowPct());
      JsonObject stability = stored.getJsonObject("stability");
      assertEquals(1, stability.getInteger("since"));
      assertEquals(expected.changePct(), stability.getDouble("changePct"), 1e-9, item);
      assertEquals(expected.wilcoxonP(), stability.getDouble("wilcoxonP"), 1e-12, item);
      assertEquals(expected.pairs(), stability.getLong("pairs"), item);
    }

    JsonObject report = kenes.adminGet("/api/studies/" + study + "/report").bodyAsJsonObject();
    assertEquals("real-time", report.getString("mode"));
    JsonArray convergence = report.getJsonArray("convergence");
    assertEquals(RATINGS.size(), convergence.size());
    JsonObject audit = convergence.stream().map(JsonObject.class::cast)
        .filter(c -> "audit".equals(c.getString("item"))).findFirst().orElseThrow();
    assertEquals(results.getJsonObject("first").getJsonObject("audit"), audit.getJsonObject("first"));
    assertEquals(item(results, "audit").getJsonObject("overall"), audit.getJsonObject("final"));

    String page = kenes.adminGet("/studies/" + study + "/report?lang=en").bodyAsString();
    assertTrue(page.contains("<section id=\"convergence\""), page);
    assertTrue(page.contains("class=\"chart convergence\""), "the SVG chart");
    assertTrue(page.contains("<desc id=\"convergence-chart-desc\">For each item"), "its text alternative");
    assertTrue(page.contains("First and final ratings by item"), "and the table beside it");
    assertTrue(page.contains("% of ratings moved since the first answers"), "each item's stability says since when");
    String ru = kenes.adminGet("/studies/" + study + "/report?lang=ru").bodyAsString();
    assertTrue(ru.contains("Сходимость мнений"), ru);
  }

  @Test
  @DisplayName("a panelist's own data shows their first rating beside their answer now (JSON and page), and a "
      + "withdrawal takes both out of the round")
  void firstRatingIsTheirs() {
    String study = create(kenes, "rt-mine");
    JsonArray people = kenes.addParticipants(study, "policy", "policy", "policy", "providers");
    kenes.adminPost("/api/studies/" + study + "/rounds");
    String token = token(people, 1);
    save(token, new JsonObject().put("audit", rating(3)), false);
    save(token, new JsonObject().put("audit", rating(6)), true);
    save(token(people, 0), new JsonObject().put("audit", rating(5)), true);
    JsonObject answer = kenes.get("/api/p/" + token + "/me").bodyAsJsonObject().getJsonArray("rounds")
        .getJsonObject(0).getJsonArray("answers").getJsonObject(0);
    assertEquals(new JsonObject().put("value", 6), answer.getJsonObject("answer"));
    assertEquals(new JsonObject().put("value", 3), answer.getJsonObject("first"));
    assertTrue(kenes.get("/p/" + token + "/me?lang=en").bodyAsString()
        .contains("Your first rating, kept to show how the group’s views moved: 3"));

    assertEquals(200, kenes.vertxClient().post("/api/p/" + token + "/withdraw").send().await().statusCode());
    JsonObject results = kenes.adminPost("/api/studies/" + study + "/rounds/1/close").bodyAsJsonObject();
    JsonObject first = results.getJsonObject("first").getJsonObject("audit");
    assertEquals(1, first.getInteger("n"), "the other panelist's alone");
    assertEquals(5.0, first.getDouble("median"));
  }

  @Test
  @DisplayName("a study of rounds keeps no first answers and its results and report do not mention a mode")
  void roundsUnchanged() {
    kenes.adminPost("/api/studies", "application/yaml",
        TestKenes.resource("studies/small.yaml").replace("id: small", "id: rounds-only"));
    JsonArray people = kenes.addParticipants("rounds-only", "policy");
    kenes.adminPost("/api/studies/rounds-only/rounds");
    save(token(people, 0), new JsonObject().put("audit", rating(3)), false);
    assertNull(questionnaire(token(people, 0)).getString("mode"));
    JsonObject results = kenes.adminPost("/api/studies/rounds-only/rounds/1/close").bodyAsJsonObject();
    assertFalse(results.containsKey("mode") || results.containsKey("first"), results.encode());
    assertFalse(kenes.adminGet("/api/studies/rounds-only/report").bodyAsJsonObject().containsKey("convergence"));
  }

  private static RatingTally tally(List<Map<String, Integer>> answers, String item) {
    return RatingTally.of(1, 9, answers.stream().map(a -> a.get(item)).toList());
  }

  /** Every item of the small study answered, the ratings as given. */
  private static JsonObject whole(Map<String, Integer> ratings) {
    JsonObject answers = new JsonObject();
    ratings.forEach((item, value) -> answers.put(item, rating(value)));
    return answers.put("tools", new JsonObject().put("ranking", new JsonArray(List.of("pdsa", "audit", "checklists"))))
        .put("ideas", new JsonObject().put("text", "More time"));
  }

  private static JsonObject rating(int value) {
    return new JsonObject().put("value", value);
  }

  private static HttpResponse<Buffer> save(String token, JsonObject answers, boolean submit) {
    return kenes.put("/api/p/" + token + "/answers", new JsonObject().put("answers", answers).put("submit", submit));
  }

  private static JsonObject questionnaire(String token) {
    return kenes.get("/api/p/" + token).bodyAsJsonObject();
  }

  static String token(JsonArray people, int i) {
    return people.getJsonObject(i).getString("token");
  }

  private static JsonObject item(JsonObject json, String id) {
    return json.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("id").equals(id)).findFirst().orElseThrow();
  }
}
