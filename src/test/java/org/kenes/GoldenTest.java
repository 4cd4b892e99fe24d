package org.kenes;

import static org.kenes.Golden.analyze;
import static org.kenes.Golden.ok;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kenes.live.LiveFeed;

/**
 * What Kenes answers about a fixed three-round dialogue, compared byte for byte with the files under
 * {@code src/test/resources/golden}: round results (closed and live), the report, the export, {@code kenes analyze},
 * the feedback of a questionnaire, the live feed and the pages that show results. Only what differs from run to run
 * (times, pseudonyms, CSRF tokens) is replaced by placeholders. Run with {@code -Dgolden.update=true} to write the
 * files anew, after a change meant to alter what they hold.
 */
class GoldenTest {

  private static final Golden GOLDEN = new Golden(Path.of("src/test/resources/golden"));

  private static final List<String> RATED = List.of("strategy", "audit", "fees", "twinning", "split");
  /** Round-1 ratings of {@link #RATED}, null for "unable to rate". */
  private static final Integer[][] ROUND1 = {
      {9, 5, 1, 7, 9}, {8, 6, 2, 3, 8}, {9, 7, 1, 5, 9}, {7, 4, 2, 8, 7}, {8, 8, 1, 2, 8},
      {9, 3, 3, 6, 2}, {8, 5, 1, 7, 3}, {9, 6, 2, null, 1}, {7, 7, 1, 9, 2}, {8, 2, 2, 5, 3},
      {9, 9, 1, 6, 5}, {8, 6, 3, 4, 6}, {7, 5, 1, 8, 5},
      {9, 7, 2, 5, 9}, {8, 6, 1, 6, 1}};
  private static final String[] PANELS = {
      "policy", "policy", "policy", "policy", "policy",
      "providers", "providers", "providers", "providers", "providers",
      "regions", "regions", "regions",
      "patients", "patients"};
  /** The one participant who saves a draft in round 1 and never submits it. */
  private static final int DRAFT = 14;

  @TempDir
  static Path dir;
  static TestKenes kenes;
  static JsonArray people;

  @BeforeAll
  static void runTheDialogue() throws IOException {
    kenes = TestKenes.start(dir.resolve("data"));
    ok(kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("golden/golden.yaml")), 201);
    people = kenes.addParticipants("golden", PANELS);
    GOLDEN.nameTheRandom(kenes, "golden", people, "ideas");
    ok(kenes.adminPost("/api/studies/golden/rounds"), 201);
    for (int i = 0; i < ROUND1.length; i++) {
      JsonObject answers = new JsonObject();
      for (int k = 0; k < RATED.size(); k++) {
        answers.put(RATED.get(k), new JsonObject().put("value", ROUND1[i][k]));
      }
      answers.getJsonObject("audit").put("comment", i % 4 == 0 ? "Audit note " + i : null);
      answers.getJsonObject("audit").getMap().values().removeIf(v -> v == null);
      if (i == 1) {
        answers.getJsonObject("fees").put("comment", "Платные услуги вредят <b>всем</b>");
      }
      answers.put("tools", new JsonObject().put("ranking", new JsonArray(i % 3 == 0
          ? List.of("audit", "pdsa", "checklists") : i % 3 == 1 ? List.of("checklists", "audit", "pdsa")
          : List.of("audit", "checklists", "pdsa"))).put("comment", i == 2 ? "Audit first" : null));
      answers.getJsonObject("tools").getMap().values().removeIf(v -> v == null);
      answers.put("ideas", new JsonObject().put("text", "Idea of " + i));
      ok(kenes.put("/api/p/" + token(i) + "/answers", new JsonObject().put("answers", answers)
          .put("submit", i != DRAFT)), 200);
    }
    ok(kenes.adminPost("/api/studies/golden/rounds/1/close"), 200);

    String idea = kenes.adminGet("/api/studies/golden/rounds/1/open-answers").bodyAsJsonObject()
        .getJsonArray("items").getJsonObject(0).getJsonArray("answers").stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("text").equals("Idea of 0")).findFirst().orElseThrow().getString("id");
    ok(kenes.adminPost("/api/studies/golden/items", "application/json", new JsonObject().put("id", "training")
        .put("type", "rating").put("category", "practice")
        .put("text", new JsonObject().put("en", "Training in quality improvement")
            .put("ru", "Обучение качеству"))
        .put("provenance", new JsonObject().put("change", "added").put("from", new JsonArray().add(idea))
            .put("note", "Suggested in round 1")).encode()), 201);

    JsonObject round2 = ok(kenes.adminPost("/api/studies/golden/rounds"), 201).bodyAsJsonObject();
    List<String> asked = round2.getJsonArray("items").stream().map(String::valueOf).toList();
    for (int i = 0; i < ROUND1.length; i++) {
      JsonObject questionnaire = kenes.get("/api/p/" + token(i)).bodyAsJsonObject();
      JsonObject answers = new JsonObject();
      for (Object o : questionnaire.getJsonArray("items")) {
        JsonObject item = (JsonObject) o;
        String id = item.getString("id");
        if ("rating".equals(item.getString("type"))) {
          int k = RATED.indexOf(id);
          int before = k < 0 || ROUND1[i][k] == null ? 5 : ROUND1[i][k];
          int now = id.equals("audit") && i < 10 ? Math.min(9, before + 2) : id.equals("training") ? 6 + i % 4 : before;
          JsonObject answer = new JsonObject().put("value", now);
          JsonObject feedback = item.getJsonObject("feedback");
          if (feedback != null && feedback.getJsonArray("askReasonFor", new JsonArray()).contains(now)) {
            answer.put("reason", "Reason of " + i + " for " + id);
          }
          answers.put(id, answer);
        } else if ("ranking".equals(item.getString("type"))) {
          answers.put(id, new JsonObject().put("ranking", new JsonArray(List.of("audit", "checklists", "pdsa"))));
        }
      }
      if (i == 0) {
        GOLDEN.keep("questionnaire-2.json", kenes.get("/api/p/" + token(i)).bodyAsString());
      }
      ok(kenes.put("/api/p/" + token(i) + "/answers", new JsonObject().put("answers", answers)
          .put("submit", true)), 200);
    }
    ok(kenes.adminPost("/api/studies/golden/rounds/2/close"), 200);
    GOLDEN.keep("round-2-items.json", new JsonArray(asked).encode());
    ok(kenes.adminPost("/api/studies/golden/rounds"), 201);

    for (int n = 1; n <= 3; n++) {
      GOLDEN.keep("results-" + n + ".json", ok(kenes.adminGet("/api/studies/golden/rounds/" + n + "/results"), 200)
          .bodyAsString());
    }
    GOLDEN.keep("report.json", ok(kenes.adminGet("/api/studies/golden/report"), 200).bodyAsString());
    String csv = ok(kenes.adminGet("/api/studies/golden/export.csv"), 200).bodyAsString();
    String exportCsv = GOLDEN.keepCsv("export.csv", csv);
    GOLDEN.keep("questionnaire-3.json", ok(kenes.get("/api/p/" + token(0)), 200).bodyAsString());
    LiveFeed feed = new LiveFeed(kenes.services().rounds());
    GOLDEN.keep("live.json", feed.snapshot("golden").await().toJson().encode());

    // Analysed as exported, in a fixed order of rows: an item's panels come in the order the file first names them.
    Path exported = dir.resolve("export.csv");
    Files.writeString(exported, exportCsv);
    Path study = dir.resolve("golden.json");
    // The definition as the server has it now, with the item added between the rounds.
    JsonObject definition = ok(kenes.adminGet("/api/studies/golden"), 200).bodyAsJsonObject();
    definition.remove("roundsHeld");
    Files.writeString(study, definition.encode());
    GOLDEN.keep("analyze.json", analyze(exported.toString(), "--study", study.toString()));
    GOLDEN.keep("analyze-round-1.json", analyze(exported.toString(), "--study", study.toString(),
        "--round", "1"));
    GOLDEN.keep("analyze-without-study.json", analyze(exported.toString()));

    ConsoleSession console = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
    GOLDEN.keep("report.html", ok(console.get("/studies/golden/report"), 200).bodyAsString());
    GOLDEN.keep("console-study.html", ok(console.get("/console/studies/golden"), 200).bodyAsString());
    GOLDEN.keep("console-live.html", ok(console.get("/console/studies/golden/live"), 200).bodyAsString());
    GOLDEN.keep("questionnaire-3.html", ok(kenes.get("/p/" + token(0)), 200).bodyAsString());
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  static List<String> names() {
    return List.of("round-2-items.json", "questionnaire-2.json", "results-1.json", "results-2.json", "results-3.json",
        "report.json", "export.csv", "questionnaire-3.json", "live.json", "analyze.json", "analyze-round-1.json",
        "analyze-without-study.json", "report.html", "console-study.html", "console-live.html",
        "questionnaire-3.html");
  }

  @ParameterizedTest(name = "{0} is the same as before")
  @MethodSource("names")
  @DisplayName("what Kenes answers about the golden dialogue is byte for byte what it answered before")
  void same(String name) throws IOException {
    GOLDEN.compare(name);
  }

  private static String token(int i) {
    return people.getJsonObject(i).getString("token");
  }
}
