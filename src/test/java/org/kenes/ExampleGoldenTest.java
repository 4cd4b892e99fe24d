package org.kenes;

import static org.kenes.Golden.analyze;
import static org.kenes.Golden.ok;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example dialogue of {@code surveys/qoc-strategy.yaml} over two rounds, with ratings a fixed rule gives each of
 * its 26 panelists in seven panels (the partners' two under minCell): its results, report, export and {@code kenes
 * analyze} compared byte for byte with the files under {@code src/test/resources/golden/example} ({@link Golden}).
 */
class ExampleGoldenTest {

  private static final Golden GOLDEN = new Golden(Path.of("src/test/resources/golden/example"));
  private static final String STUDY = "qoc-strategy";
  private static final String[] PANELS = {
      "policy", "policy", "policy", "policy", "regional", "regional", "regional", "regional",
      "phc", "phc", "phc", "phc", "phc", "hospital", "hospital", "hospital", "hospital",
      "academia", "academia", "academia", "patients", "patients", "patients", "patients", "partners", "partners"};

  @TempDir
  static Path dir;
  static TestKenes kenes;
  static JsonArray people;

  @BeforeAll
  static void runTheDialogue() throws IOException {
    kenes = TestKenes.start(dir.resolve("data"), Path.of("surveys"));
    people = kenes.addParticipants(STUDY, PANELS);
    GOLDEN.nameTheRandom(kenes, STUDY, people, "other-priorities");
    for (int n = 1; n <= 2; n++) {
      ok(kenes.adminPost("/api/studies/" + STUDY + "/rounds"), 201);
      for (int i = 0; i < people.size(); i++) {
        String token = people.getJsonObject(i).getString("token");
        if (n == 1) {
          kenes.agree(token);
        }
        ok(kenes.put("/api/p/" + token + "/answers", new JsonObject()
            .put("answers", answers(i, n, kenes.get("/api/p/" + token).bodyAsJsonObject())).put("submit", true)), 200);
      }
      ok(kenes.adminPost("/api/studies/" + STUDY + "/rounds/" + n + "/close"), 200);
      GOLDEN.keep("results-" + n + ".json", ok(kenes.adminGet("/api/studies/" + STUDY + "/rounds/" + n + "/results"),
          200).bodyAsString());
    }
    GOLDEN.keep("report.json", ok(kenes.adminGet("/api/studies/" + STUDY + "/report"), 200).bodyAsString());
    String csv = GOLDEN.keepCsv("export.csv", ok(kenes.adminGet("/api/studies/" + STUDY + "/export.csv"), 200)
        .bodyAsString());
    Path exported = dir.resolve("export.csv");
    Files.writeString(exported, csv);
    GOLDEN.keep("analyze.json", analyze(exported.toString(), "--study", "surveys/qoc-strategy.yaml"));
  }

  /**
   * Panelist {@code i}'s answers in round {@code n}: a rating from a rule of person, item and round that gives the
   * items different shapes (some agreed, some split, some rejected), a reason wherever one is asked, a ranking
   * rotated by person, and an idea in round 1.
   */
  private static JsonObject answers(int i, int n, JsonObject questionnaire) {
    JsonObject answers = new JsonObject();
    JsonArray items = questionnaire.getJsonArray("items");
    for (int k = 0; k < items.size(); k++) {
      JsonObject item = items.getJsonObject(k);
      String id = item.getString("id");
      switch (item.getString("type")) {
        case "rating" -> {
          int value = switch (id.length() % 4) {
            case 0 -> 7 + (i + k) % 3;
            case 1 -> 1 + (i * k) % 3;
            case 2 -> 1 + (i * 5 + k * 3 + n) % 9;
            default -> i % 2 == 0 ? 8 + n % 2 : 2 + (i + n) % 4;
          };
          JsonObject answer = new JsonObject().put("value", value);
          JsonObject feedback = item.getJsonObject("feedback");
          if (feedback != null && feedback.getJsonArray("askReasonFor", new JsonArray()).contains(value)) {
            answer.put("reason", "Because of " + id + " (" + i + ")");
          }
          if ((i + k) % 7 == 0) {
            answer.put("comment", "Comment " + i + " on " + id);
          }
          answers.put(id, answer);
        }
        case "ranking" -> {
          List<String> options = new ArrayList<>(item.getJsonArray("options").stream()
              .map(o -> ((JsonObject) o).getString("id")).toList());
          Collections.rotate(options, i % 3);
          answers.put(id, new JsonObject().put("ranking", new JsonArray(options)));
        }
        default -> answers.put(id, new JsonObject().put("text", "Idea " + i % 4));
      }
    }
    return answers;
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  @ParameterizedTest(name = "{0} is the same as before")
  @ValueSource(strings = {"results-1.json", "results-2.json", "report.json", "export.csv", "analyze.json"})
  @DisplayName("what Kenes answers about the example dialogue is byte for byte what it answered before")
  void same(String name) throws IOException {
    GOLDEN.compare(name);
  }
}
