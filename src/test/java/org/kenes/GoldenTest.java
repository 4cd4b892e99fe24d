package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.cli.Analyze;
import org.kenes.live.LiveFeed;
import org.kenes.participant.Pseudonyms;

/**
 * What Kenes answers about a fixed three-round dialogue, compared byte for byte with the files under
 * {@code src/test/resources/golden}: round results (closed and live), the report, the export, {@code kenes analyze},
 * the feedback of a questionnaire, the live feed and the pages that show results. Only what differs from run to run
 * (times, pseudonyms, CSRF tokens) is replaced by placeholders. Run with {@code -Dgolden.update=true} to write the
 * files anew, after a change meant to alter what they hold.
 */
class GoldenTest {

  private static final Path FILES = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

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
  static final Map<String, String> outputs = new LinkedHashMap<>();

  @BeforeAll
  static void runTheDialogue() throws IOException {
    kenes = TestKenes.start(dir.resolve("data"));
    ok(kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("golden/golden.yaml")), 201);
    people = kenes.addParticipants("golden", PANELS);
    nameTheRandom();
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
        outputs.put("questionnaire-2.json", normal(kenes.get("/api/p/" + token(i)).bodyAsString()));
      }
      ok(kenes.put("/api/p/" + token(i) + "/answers", new JsonObject().put("answers", answers)
          .put("submit", true)), 200);
    }
    ok(kenes.adminPost("/api/studies/golden/rounds/2/close"), 200);
    outputs.put("round-2-items.json", normal(new JsonArray(asked).encode()));
    ok(kenes.adminPost("/api/studies/golden/rounds"), 201);

    for (int n = 1; n <= 3; n++) {
      outputs.put("results-" + n + ".json", normal(ok(kenes.adminGet("/api/studies/golden/rounds/" + n + "/results"),
          200).bodyAsString()));
    }
    outputs.put("report.json", normal(ok(kenes.adminGet("/api/studies/golden/report"), 200).bodyAsString()));
    String csv = ok(kenes.adminGet("/api/studies/golden/export.csv"), 200).bodyAsString();
    outputs.put("export.csv", normalCsv(csv));
    outputs.put("questionnaire-3.json", normal(ok(kenes.get("/api/p/" + token(0)), 200).bodyAsString()));
    LiveFeed feed = new LiveFeed(kenes.services().rounds());
    outputs.put("live.json", normal(feed.snapshot("golden").await().toJson().encode()));

    // Analysed as exported, in a fixed order of rows: an item's panels come in the order the file first names them.
    Path exported = dir.resolve("export.csv");
    Files.writeString(exported, outputs.get("export.csv"));
    Path study = dir.resolve("golden.json");
    // The definition as the server has it now, with the item added between the rounds.
    JsonObject definition = ok(kenes.adminGet("/api/studies/golden"), 200).bodyAsJsonObject();
    definition.remove("roundsHeld");
    Files.writeString(study, definition.encode());
    outputs.put("analyze.json", normal(analyze(exported.toString(), "--study", study.toString())));
    outputs.put("analyze-round-1.json", normal(analyze(exported.toString(), "--study", study.toString(),
        "--round", "1")));
    outputs.put("analyze-without-study.json", normal(analyze(exported.toString())));

    ConsoleSession console = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
    outputs.put("report.html", normal(ok(console.get("/studies/golden/report"), 200).bodyAsString()));
    outputs.put("console-study.html", normal(ok(console.get("/console/studies/golden"), 200).bodyAsString()));
    outputs.put("console-live.html", normal(ok(console.get("/console/studies/golden/live"), 200).bodyAsString()));
    outputs.put("questionnaire-3.html", normal(ok(kenes.get("/p/" + token(0)), 200).bodyAsString()));
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
    Path file = FILES.resolve(name);
    String actual = outputs.get(name);
    if (UPDATE) {
      Files.createDirectories(FILES);
      Files.writeString(file, actual);
    }
    assertEquals(Files.readString(file), actual, name);
  }

  private static String analyze(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Analyze.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
  /** A time as the pages show it, "5 Dec 2026, 04:56". */
  private static final Pattern SHOWN = Pattern.compile("\\d{1,2} \\p{L}{3,}\\.? \\d{4}(,? \\d{2}:\\d{2})?");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"[^\"]+\"");
  /** What is random in a run, by placeholder: tokens, participant ids, pseudonyms, open answers' ids. */
  private static final Map<String, String> random = new LinkedHashMap<>();

  /** Names each participant's token, id, pseudonym and round-1 open answer by their place in {@link #PANELS}. */
  private static void nameTheRandom() {
    Pseudonyms pseudonyms = kenes.services().pseudonyms().of("golden").await();
    for (int i = 0; i < people.size(); i++) {
      String id = people.getJsonObject(i).getString("id");
      random.put(token(i), "<token-" + i + ">");
      random.put(pseudonyms.respondent(id), "<R-" + i + ">");
      random.put(pseudonyms.openAnswer(1, id, "ideas"), "<a-" + i + ">");
      random.put(id, "<id-" + i + ">");
    }
  }

  /** The text with what differs from run to run replaced by placeholders. */
  private static String normal(String text) {
    String out = SHOWN.matcher(TIME.matcher(text).replaceAll("<time>")).replaceAll("<shown>");
    out = CSRF.matcher(out).replaceAll("name=\"csrf\" value=\"<csrf>\"");
    for (Map.Entry<String, String> r : random.entrySet()) {
      out = out.replace(r.getKey(), r.getValue());
    }
    return out;
  }

  /** The export normalised, its rows (in the order of their random pseudonyms) sorted. */
  private static String normalCsv(String csv) {
    List<String> lines = new ArrayList<>(List.of(normal(csv).split("\n", -1)));
    String header = lines.remove(0);
    String last = lines.remove(lines.size() - 1);
    Collections.sort(lines);
    return header + "\n" + String.join("\n", lines) + "\n" + last;
  }

  private static HttpResponse<Buffer> ok(HttpResponse<Buffer> response, int status) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    return response;
  }

  private static String token(int i) {
    return people.getJsonObject(i).getString("token");
  }
}
