package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.cli.Analyze;

/** The whole Delphi loop over HTTP on the embedded store: create, invite, answer, close, carry forward, feedback. */
class DelphiLoopTest {

  /** Round-1 ratings of the eleven who submit: strategy, audit, twinning, fees. */
  private static final int[][] ROUND1 = {
      {9, 5, 7, 1}, {8, 6, 3, 2}, {9, 7, 5, 1}, {7, 4, 8, 2},
      {8, 8, 2, 1}, {9, 3, 6, 3}, {8, 5, 7, 2}, {9, 6, 4, 1}, {7, 7, 9, 2},
      {8, 2, 5, 1}, {9, 9, 6, 2}};
  private static final String[] PANELS = {
      "policy", "policy", "policy", "policy",
      "providers", "providers", "providers", "providers", "providers",
      "patients", "patients", "providers"};

  @TempDir
  Path dir;

  @Test
  @DisplayName("a study runs from file to consensus: rounds, feedback, carry-forward, export and analyze agree")
  void wholeLoop() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      String study = kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants(study, PANELS);
      assertEquals(12, people.size());
      people.forEach(p -> assertTrue(((JsonObject) p).getString("token").length() >= 22, "128+ random bits"));
      people.forEach(p -> assertEquals("http://kenes.test/p/" + ((JsonObject) p).getString("token"),
          ((JsonObject) p).getString("link")));

      HttpResponse<Buffer> opened = kenes.adminPost("/api/studies/small/rounds");
      assertEquals(201, opened.statusCode());
      assertEquals(new JsonArray(List.of("strategy", "audit", "twinning", "fees", "tools", "ideas")),
          opened.bodyAsJsonObject().getJsonArray("items"));

      for (int i = 0; i < ROUND1.length; i++) {
        JsonObject answers = ratings(ROUND1[i]);
        answers.put("tools", new JsonObject().put("ranking", new JsonArray(i % 3 == 0
            ? List.of("audit", "pdsa", "checklists") : List.of("audit", "checklists", "pdsa"))));
        answers.put("ideas", new JsonObject().put("text", "Idea " + i));
        answers.getJsonObject("audit").put("comment", i == 0 ? "<script>alert(1)</script>"
            : i == 1 ? "=HYPERLINK(\"http://example.org\")" : i == 2 ? "'quoted" : "Comment " + i);
        HttpResponse<Buffer> saved = kenes.put("/api/p/" + token(people, i) + "/answers",
            new JsonObject().put("answers", answers).put("submit", true));
        assertEquals(200, saved.statusCode(), saved.bodyAsString());
      }
      // The twelfth only saves a draft: it is kept, but counts nowhere.
      assertEquals(200, kenes.put("/api/p/" + token(people, 11) + "/answers",
          new JsonObject().put("answers", ratings(new int[] {1, 1, 1, 9}))).statusCode());

      JsonObject live = kenes.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject();
      assertTrue(live.getBoolean("provisional"));
      Map<String, Map<String, Number>> tallies = kenes.tallies("small", 1);

      HttpResponse<Buffer> closed = kenes.adminPost("/api/studies/small/rounds/1/close");
      assertEquals(200, closed.statusCode(), closed.bodyAsString());
      JsonObject r1 = closed.bodyAsJsonObject();
      assertEquals(kenes.tallies("small", 1), tallies, "the live tallies kept by the saves equal a recount");
      assertEquals(r1.getJsonObject("participation"), live.getJsonObject("participation"), "response counts are live");
      assertEquals(9, live.getInteger("counted"), "the two panels of at least minCell; not the patients' two");
      assertFalse(r1.getBoolean("provisional"));
      assertEquals(12, r1.getJsonObject("participation").getInteger("invited"));
      assertEquals(11, r1.getJsonObject("participation").getInteger("responded"));
      JsonObject patients = r1.getJsonObject("participation").getJsonObject("panels").getJsonObject("patients");
      assertTrue(patients.getBoolean("suppressed"), "two patients responded: under minCell, no count");
      assertNull(patients.getValue("responded"));

      JsonObject strategy = item(r1, "strategy");
      JsonObject overall = strategy.getJsonObject("overall");
      assertEquals(11, overall.getInteger("n"));
      assertEquals(8.0, overall.getDouble("median"));
      assertEquals(1.0, overall.getDouble("agree"));
      assertEquals("consensus-in", overall.getString("verdict"));
      assertEquals(5, overall.getJsonObject("histogram").getInteger("9"));
      assertEquals(0, overall.getJsonObject("histogram").getInteger("1"));
      assertEquals(mean(0), overall.getDouble("mean"), 1e-12);
      assertEquals(new JsonObject().put("suppressed", true), strategy.getJsonObject("panels").getJsonObject("patients"));
      // Secondary suppression: overall minus policy and providers would be the two patients, so the smaller of the two
      // (policy, 4) is withheld too.
      assertEquals(new JsonObject().put("suppressed", true), strategy.getJsonObject("panels").getJsonObject("policy"));
      assertEquals(5, strategy.getJsonObject("panels").getJsonObject("providers").getInteger("n"));
      assertEquals("consensus-out", item(r1, "fees").getJsonObject("overall").getString("verdict"));
      assertEquals("no-consensus", item(r1, "audit").getJsonObject("overall").getString("verdict"));
      assertNull(strategy.getJsonObject("stability"), "no stability in an item's first round");
      JsonObject tools = item(r1, "tools").getJsonObject("overall");
      assertEquals(11, tools.getInteger("n"));
      assertEquals(1.0, tools.getJsonObject("meanRanks").getDouble("audit"));
      assertTrue(tools.getDouble("kendallW") > 0.5);
      assertEquals(11, item(r1, "ideas").getInteger("responses"));

      // Closing again answers the same stored results; answers are refused once closed.
      assertEquals(r1, kenes.adminPost("/api/studies/small/rounds/1/close").bodyAsJsonObject());
      HttpResponse<Buffer> late = kenes.put("/api/p/" + token(people, 0) + "/answers",
          new JsonObject().put("answers", ratings(ROUND1[0])));
      assertEquals(409, late.statusCode());

      // Round 2 carries the items without consensus and shows each panelist the group's answer and their own.
      HttpResponse<Buffer> second = kenes.adminPost("/api/studies/small/rounds");
      assertEquals(201, second.statusCode());
      assertEquals(new JsonArray(List.of("audit", "twinning")), second.bodyAsJsonObject().getJsonArray("items"));
      JsonObject q = kenes.get("/api/p/" + token(people, 0)).bodyAsJsonObject();
      assertEquals(2, q.getInteger("round"));
      assertEquals("en", q.getString("language"));
      JsonObject feedback = q.getJsonArray("items").getJsonObject(0).getJsonObject("feedback");
      assertEquals(1, feedback.getInteger("round"));
      assertEquals(5, feedback.getJsonObject("yours").getInteger("value"));
      assertEquals(item(r1, "audit").getJsonObject("overall"), feedback.getJsonObject("overall"));
      assertTrue(feedback.getJsonArray("comments").contains("<script>alert(1)</script>"));
      assertEquals(new JsonObject().put("suppressed", true), feedback.getJsonObject("panels").getJsonObject("patients"));
      JsonObject russian = kenes.get("/api/p/" + token(people, 1)).bodyAsJsonObject();
      assertEquals("Клинический аудит", russian.getJsonArray("items").getJsonObject(0).getString("text"));

      // Some first save other values as drafts, and the first submits once with a value they then revise (moving away
      // from the group's neutral median into disagreement, with the reason that asks for): the live tallies must follow
      // every change.
      for (int i = 0; i < 4; i++) {
        HttpResponse<Buffer> draft = kenes.put("/api/p/" + token(people, i) + "/answers", new JsonObject()
            .put("answers", new JsonObject()
                .put("audit", new JsonObject().put("value", 1).put("reason", "Audit is a burden"))
                .put("twinning", new JsonObject().putNull("value")))
            .put("submit", i == 0));
        assertEquals(200, draft.statusCode(), draft.bodyAsString());
      }
      // Everyone but the last two moves audit one point up; twinning stays. The group's median was 6 (neutral), so
      // the two who move from 6 to 7 (into the agree band) move away from the group and give a reason.
      for (int i = 0; i < ROUND1.length; i++) {
        int audit = i < 9 ? Math.min(9, ROUND1[i][1] + 1) : ROUND1[i][1];
        JsonObject answers = new JsonObject()
            .put("audit", new JsonObject().put("value", audit))
            .put("twinning", new JsonObject().put("value", ROUND1[i][2]));
        if (ROUND1[i][1] == 6 && audit == 7) {
          answers.getJsonObject("audit").put("reason", "Reason " + i);
        }
        assertEquals(200, kenes.put("/api/p/" + token(people, i) + "/answers",
            new JsonObject().put("answers", answers).put("submit", true)).statusCode());
      }
      Map<String, Map<String, Number>> tallies2 = kenes.tallies("small", 2);
      JsonObject r2 = kenes.adminPost("/api/studies/small/rounds/2/close").bodyAsJsonObject();
      assertEquals(kenes.tallies("small", 2), tallies2, "with the paired differences from round 1");
      JsonObject auditStability = item(r2, "audit").getJsonObject("stability");
      assertEquals(1, auditStability.getInteger("since"));
      assertEquals(9, auditStability.getInteger("pairs"), "the first nine moved one point up");
      assertEquals(0.0, auditStability.getDouble("wilcoxonT"));
      assertEquals(new JsonArray(List.of("Reason 1", "Reason 7")), item(r2, "audit").getJsonArray("reasons"));
      JsonObject twinningStability = item(r2, "twinning").getJsonObject("stability");
      assertEquals(0.0, twinningStability.getDouble("changePct"));
      assertTrue(twinningStability.getBoolean("stable"));
      assertEquals(0, twinningStability.getInteger("pairs"));
      assertEquals(1.0, twinningStability.getDouble("wilcoxonP"));
      assertTrue(r2.getJsonObject("advice").containsKey("stop"));

      // The report summarises across rounds.
      JsonObject report = kenes.adminGet("/api/studies/small/report").bodyAsJsonObject();
      assertEquals(new JsonArray(List.of("strategy")), report.getJsonObject("summary").getJsonArray("consensus-in"));
      assertEquals(new JsonArray(List.of("fees")), report.getJsonObject("summary").getJsonArray("consensus-out"));
      assertEquals(2, report.getJsonArray("rounds").size());
      HttpResponse<Buffer> page = kenes.adminGet("/studies/small/report");
      assertEquals(200, page.statusCode());
      assertTrue(page.bodyAsString().contains("A national quality strategy"));

      // Export, then analyze the export offline: the same numbers as stored.
      HttpResponse<Buffer> export = kenes.adminGet("/api/studies/small/export.csv");
      assertEquals(200, export.statusCode());
      String csv = export.bodyAsString();
      assertTrue(csv.startsWith("participant,panel,round,item,option,value,comment\n"));
      assertFalse(csv.contains("Person 0") || csv.contains("p0@example.org"), "exports carry pseudonyms only");
      assertFalse(csv.contains(token(people, 0)), "exports carry no tokens");
      // A comment that a spreadsheet would run as a formula is written after a quote; analyze reads it back as typed.
      assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://example.org\"\")\"\n"), csv);
      assertTrue(csv.contains(",''quoted\n"), csv);
      assertFalse(csv.contains(",=HYPERLINK"), csv);
      Path file = dir.resolve("export.csv");
      Files.writeString(file, csv);
      Path studyFile = dir.resolve("small.yaml");
      Files.writeString(studyFile, TestKenes.resource("studies/small.yaml"));
      for (int round = 1; round <= 2; round++) {
        JsonObject stored = kenes.adminGet("/api/studies/small/rounds/" + round + "/results").bodyAsJsonObject();
        JsonObject offline = analyze(file.toString(), "--study", studyFile.toString(), "--round", String.valueOf(round));
        // The export has no column for reasons (its header is fixed), so the offline results know none.
        assertEquals(withoutReasons(stored.getJsonArray("items")), withoutReasons(offline.getJsonArray("items")),
            "round " + round);
        assertEquals(stored.getJsonObject("advice"), offline.getJsonObject("advice"), "round " + round);
      }
    }
  }

  @Test
  @DisplayName("answers, rounds and results survive a restart on the same data")
  void survivesRestart() {
    Path data = dir.resolve("data");
    JsonArray people;
    JsonObject before;
    try (TestKenes kenes = TestKenes.start(data)) {
      kenes.createSmallStudy();
      people = kenes.addParticipants("small", PANELS);
      kenes.adminPost("/api/studies/small/rounds");
      for (int i = 0; i < 6; i++) {
        kenes.put("/api/p/" + token(people, i) + "/answers",
            new JsonObject().put("answers", ratings(ROUND1[i])).put("submit", true));
      }
      before = kenes.adminPost("/api/studies/small/rounds/1/close").bodyAsJsonObject();
      kenes.adminPost("/api/studies/small/rounds");
      kenes.put("/api/p/" + token(people, 0) + "/answers",
          new JsonObject().put("answers", new JsonObject().put("audit", new JsonObject().put("value", 4))));
    }
    try (TestKenes kenes = TestKenes.start(data)) {
      assertEquals(before, kenes.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject());
      JsonObject q = kenes.get("/api/p/" + token(people, 0)).bodyAsJsonObject();
      assertEquals(2, q.getInteger("round"));
      assertEquals(new JsonObject().put("value", 4), q.getJsonArray("items").getJsonObject(0).getJsonObject("answer"));
      // The same people added again keep their pseudonyms and links.
      JsonArray again = kenes.addParticipants("small", PANELS);
      assertEquals(people, again);
    }
  }

  @Test
  @DisplayName("a save of the round's every item and a save of some items change the stored set and tallies alike")
  void wholeAndPartialSaves() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      String path = "/api/p/" + token(kenes.addParticipants("small", PANELS), 0) + "/answers";
      kenes.adminPost("/api/studies/small/rounds");
      kenes.put(path, new JsonObject().put("answers", new JsonObject()
          .put("strategy", new JsonObject().put("value", 3).put("comment", "first thoughts"))
          .put("fees", new JsonObject().put("comment", "not sure yet"))));
      JsonObject whole = ratings(new int[] {8, 7, 2, 1})
          .put("tools", new JsonObject().put("ranking", new JsonArray(List.of("pdsa", "audit", "checklists"))))
          .put("ideas", new JsonObject().put("text", "Peer review"));
      assertEquals(200, kenes.put(path, new JsonObject().put("answers", whole).put("submit", true)).statusCode());
      // Each item's answer is replaced as a whole (the comment of the first save is gone), as a partial save does.
      JsonObject stored = kenes.get(path.replace("/answers", "")).bodyAsJsonObject();
      assertEquals(new JsonObject().put("value", 8), item(stored, "strategy").getJsonObject("answer"));
      assertEquals(new JsonObject().put("value", 1), item(stored, "fees").getJsonObject("answer"));
      assertEquals(200, kenes.put(path, new JsonObject().put("answers", new JsonObject()
          .put("audit", new JsonObject().put("value", 9).put("comment", "changed my mind")))).statusCode());
      stored = kenes.get(path.replace("/answers", "")).bodyAsJsonObject();
      assertEquals(new JsonObject().put("value", 8), item(stored, "strategy").getJsonObject("answer"));
      assertEquals(new JsonObject().put("value", 9).put("comment", "changed my mind"),
          item(stored, "audit").getJsonObject("answer"));
      assertEquals("Peer review", item(stored, "ideas").getJsonObject("answer").getString("text"));
      // The live tallies count the set once, as it stands, as a recount does.
      Map<String, Map<String, Number>> tallies = kenes.tallies("small", 1);
      JsonObject closed = kenes.adminPost("/api/studies/small/rounds/1/close").bodyAsJsonObject();
      assertEquals(kenes.tallies("small", 1), tallies);
      assertEquals(1, item(closed, "audit").getJsonObject("overall").getInteger("n"));
      assertEquals(9.0, item(closed, "audit").getJsonObject("overall").getDouble("median"));
      assertEquals(1.0, item(closed, "fees").getJsonObject("overall").getDouble("median"));
    }
  }

  @Test
  @DisplayName("a closed round's results stored by an earlier Kenes, as a document rather than one text, still read")
  void resultsStoredAsDocument() {
    Path data = dir.resolve("data");
    JsonObject closed;
    try (TestKenes kenes = TestKenes.start(data)) {
      kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants("small", PANELS);
      kenes.adminPost("/api/studies/small/rounds");
      for (int i = 0; i < 6; i++) {
        kenes.put("/api/p/" + token(people, i) + "/answers",
            new JsonObject().put("answers", ratings(ROUND1[i])).put("submit", true));
      }
      closed = kenes.adminPost("/api/studies/small/rounds/1/close").bodyAsJsonObject();
      kenes.services().store().client().save("results", closed.copy().put("_id", "small:1")).await();
    }
    try (TestKenes kenes = TestKenes.start(data)) {
      assertEquals(closed, kenes.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject());
    }
  }

  static JsonObject analyze(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Analyze.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    return new JsonObject(out.toString(StandardCharsets.UTF_8));
  }

  private static JsonArray withoutReasons(JsonArray items) {
    JsonArray copy = items.copy();
    copy.forEach(i -> ((JsonObject) i).remove("reasons"));
    return copy;
  }

  private static double mean(int column) {
    double sum = 0;
    for (int[] row : ROUND1) {
      sum += row[column];
    }
    return sum / ROUND1.length;
  }

  private static JsonObject ratings(int[] values) {
    return new JsonObject()
        .put("strategy", new JsonObject().put("value", values[0]))
        .put("audit", new JsonObject().put("value", values[1]))
        .put("twinning", new JsonObject().put("value", values[2]))
        .put("fees", new JsonObject().put("value", values[3]));
  }

  static String token(JsonArray people, int i) {
    return people.getJsonObject(i).getString("token");
  }

  static JsonObject item(JsonObject results, String id) {
    return results.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("id").equals(id)).findFirst().orElseThrow();
  }
}
