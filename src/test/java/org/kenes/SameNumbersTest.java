package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.cli.Analyze;
import org.kenes.web.Views;

/**
 * One dialogue of three rounds, read through every door: the round results, the report (JSON, page and PDF) and
 * {@code kenes analyze} of the export print the same numbers; and the patients' panel of two people never shows its
 * count of respondents, directly or by subtraction, in any of them, nor in the live results, the event stream, the
 * dashboard or the panelists' feedback.
 */
class SameNumbersTest {

  private static final int MIN_CELL = 3;
  /** Five policy-makers, five providers, and a panel of two patients. */
  private static final String[] PANELS = {"policy", "policy", "policy", "policy", "policy",
      "providers", "providers", "providers", "providers", "providers", "patients", "patients"};
  /** Ratings of strategy, audit and fees by round (0 = unable to rate): moves of ±1 and ±2, tied in the test. */
  private static final int[][][] RATINGS = {
      {{8, 5, 2}, {7, 6, 1}, {9, 5, 2}, {8, 4, 3}, {7, 7, 1}, {9, 3, 2}, {8, 6, 0}, {6, 5, 2}, {7, 8, 1}, {9, 4, 2},
          {8, 6, 1}, {5, 5, 2}},
      {{8, 6, 2}, {8, 6, 1}, {9, 6, 1}, {8, 5, 2}, {7, 7, 1}, {8, 4, 2}, {8, 7, 0}, {7, 6, 2}, {7, 8, 1}, {9, 5, 1},
          {8, 7, 1}, {6, 5, 2}},
      {{8, 7, 1}, {8, 7, 1}, {9, 6, 1}, {8, 6, 2}, {8, 7, 1}, {8, 5, 1}, {8, 7, 1}, {7, 7, 2}, {7, 8, 1}, {9, 6, 1},
          {8, 8, 1}, {7, 5, 2}}};

  @TempDir
  static Path dir;
  private static TestKenes kenes;
  private static JsonArray people;
  private static String yaml;
  private static final List<JsonObject> outputs = new ArrayList<>();
  private static final List<String> pages = new ArrayList<>();
  /** The report while round 3 is open, and round 2's results. */
  private static JsonObject midReport;
  private static String midPage;
  private static JsonObject roundTwo;

  @BeforeAll
  static void dialogue() throws Exception {
    kenes = TestKenes.start(dir.resolve("data"));
    yaml = TestKenes.resource("studies/small.yaml").replace("carryForward: no-consensus", "carryForward: all");
    assertEquals(201, kenes.adminPost("/api/studies", "application/yaml", yaml).statusCode());
    people = kenes.addParticipants("small", PANELS);
    try (LiveEvents live = LiveEvents.open(kenes, "small")) {
      for (int round = 1; round <= 3; round++) {
        assertEquals(201, kenes.adminPost("/api/studies/small/rounds").statusCode());
        // In round 3 one patient has not answered when the live figures are read: one respondent in the panel.
        int last = round == 3 ? PANELS.length - 1 : PANELS.length;
        for (int i = 0; i < last; i++) {
          save(round, i);
        }
        int expected = last;
        int number = round;
        outputs.add(live.next(e -> Integer.valueOf(number).equals(e.getInteger("round"))
            && e.getJsonObject("participation") != null
            && e.getJsonObject("participation").getInteger("responded") == expected));
        outputs.add(results(round));
        feedback();
        pages.add(kenes.adminGet("/console/studies/small/live").bodyAsString());
        if (round == 3) {
          midReport = kenes.adminGet("/api/studies/small/report").bodyAsJsonObject();
          midPage = kenes.adminGet("/studies/small/report").bodyAsString();
          roundTwo = results(2);
          outputs.add(midReport);
          pages.add(midPage);
          save(round, last);
        }
        assertEquals(200, kenes.adminPost("/api/studies/small/rounds/" + round + "/close").statusCode());
        outputs.add(live.next(e -> Integer.valueOf(number).equals(e.getInteger("round"))
            && "closed".equals(e.getString("status"))));
      }
    }
    for (int round = 1; round <= 3; round++) {
      outputs.add(results(round));
    }
    outputs.add(kenes.adminGet("/api/studies/small/report").bodyAsJsonObject());
    pages.add(kenes.adminGet("/studies/small/report").bodyAsString());
    pages.add(kenes.adminGet("/console/studies/small/live").bodyAsString());
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static void save(int round, int i) {
    int[] r = RATINGS[round - 1][i];
    JsonObject answers = new JsonObject()
        .put("strategy", new JsonObject().put("value", r[0]))
        .put("audit", new JsonObject().put("value", r[1]).put("comment", i == 0 ? "=1+1" : "Audit " + round + i))
        .put("twinning", new JsonObject().put("value", 5 + (i + round) % 3))
        .put("fees", new JsonObject().put("value", r[2] == 0 ? null : r[2]))

        // Person 3 leaves an option unranked: left out of m.
        .put("tools", new JsonObject().put("ranking", new JsonArray(i == 3 ? List.of("pdsa", "audit")
            : i % 3 == 0 ? List.of("audit", "pdsa", "checklists") : List.of("audit", "checklists", "pdsa"))));
    if (round == 1) {
      // Open items are asked in round 1 only; a blank answer counts nowhere, and the export leaves it out.
      answers.put("ideas", new JsonObject().put("text", i % 4 == 0 ? "Idea " + i : ""));
    } else {
      // A reason wherever the feedback asks for one: the numbers are what this test is about.
      JsonObject q = kenes.get("/api/p/" + token(i)).bodyAsJsonObject();
      q.getJsonArray("items").stream().map(JsonObject.class::cast).filter(item -> item.containsKey("feedback"))
          .forEach(item -> {
            JsonObject answer = answers.getJsonObject(item.getString("id"));
            JsonArray ask = item.getJsonObject("feedback").getJsonArray("askReasonFor", new JsonArray());
            if (answer.getValue("value") != null && ask.contains(answer.getValue("value"))) {
              answer.put("reason", "Changed my mind");
            }
          });
    }
    HttpResponse<Buffer> saved = kenes.put("/api/p/" + token(i) + "/answers",
        new JsonObject().put("answers", answers).put("submit", true));
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
  }

  private static String token(int i) {
    return people.getJsonObject(i).getString("token");
  }

  private static JsonObject results(int round) {
    HttpResponse<Buffer> r = kenes.adminGet("/api/studies/small/rounds/" + round + "/results");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** Every panelist's questionnaire with its feedback, the patients' included. */
  private static void feedback() {
    for (int i = 0; i < PANELS.length; i++) {
      outputs.add(kenes.get("/api/p/" + token(i)).bodyAsJsonObject());
    }
  }

  @Test
  @DisplayName("results, report JSON, page, PDF and kenes analyze of the export print the same numbers")
  void sameNumbers() throws Exception {
    JsonObject report = kenes.adminGet("/api/studies/small/report").bodyAsJsonObject();
    Path csv = dir.resolve("export.csv");
    Files.writeString(csv, kenes.adminGet("/api/studies/small/export.csv").bodyAsString());
    Path study = dir.resolve("small.yaml");
    Files.writeString(study, yaml);
    Document page = Jsoup.parse(kenes.adminGet("/studies/small/report").bodyAsString());
    String pdf = pdfText();
    for (int round = 1; round <= 3; round++) {
      JsonObject results = results(round);
      JsonObject analyzed = analyze(csv, study, round);
      assertEquals(without(results.getJsonArray("items"), "reasons"),
          without(analyzed.getJsonArray("items"), "reasons"),
          "round " + round + ": kenes analyze of the export");
      assertEquals(results.getJsonObject("advice"), analyzed.getJsonObject("advice"));
      assertEquals(results.getJsonObject("participation").getValue("responded"),
          analyzed.getJsonObject("participation").getValue("responded"));
      for (Object o : results.getJsonArray("items")) {
        JsonObject item = (JsonObject) o;
        JsonObject inReport = reportRound(report, item.getString("id"), round);
        JsonObject reported = inReport.copy();
        reported.remove("round");
        reported.remove("provisional");
        assertEquals(item, reported, "report JSON, " + item.getString("id") + " round " + round);
        if ("rating".equals(item.getString("type"))) {
          List<String> expected = row(item, round);
          Element section = page.getElementById("item-" + item.getString("id"));
          Element tr = section.select("tbody tr").get(round - 1);
          assertEquals(expected, tr.select("th, td").eachText(), "page, " + item.getString("id") + " round " + round);
          assertTrue(pdf.contains(String.join(" ", expected.subList(0, 5))),
              "PDF, " + item.getString("id") + " round " + round + ": " + expected);
          assertTrue(pdf.contains(expected.get(5)), "PDF stability: " + expected.get(5));
        }
      }
    }
    // Kendall's W of the last round, as the summary words it, in both.
    JsonObject tools = results(3).getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> "tools".equals(i.getString("id"))).findFirst().orElseThrow().getJsonObject("overall");
    String w = "Kendall's W = " + Views.number(tools.getDouble("kendallW"), "en");
    assertTrue(page.text().contains(w), w);
    assertTrue(pdf.contains(w), w);
    assertEquals(11, tools.getInteger("n"), "the panelist who left an option unranked is left out of m");
    JsonObject stability = results(2).getJsonArray("items").getJsonObject(1).getJsonObject("stability");
    assertEquals("exact", stability.getString("wilcoxonMethod"), "tied differences of a small panel: exact p");
    assertEquals(1, stability.getInteger("since"));
  }

  @Test
  @DisplayName("mid-dialogue the report sums up the last closed round and shows the open one as provisional")
  void reportMidDialogue() {
    assertEquals(3, midReport.getInteger("openRound"));
    JsonObject summary = midReport.getJsonObject("summary");
    for (Object o : roundTwo.getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      if ("rating".equals(item.getString("type"))) {
        String verdict = item.getJsonObject("overall").getString("verdict");
        assertTrue(summary.getJsonArray(verdict).contains(item.getString("id")), item.getString("id") + ": " + verdict);
      }
    }
    Document page = Jsoup.parse(midPage);
    String text = page.text();
    assertTrue(text.contains("Round 3 is still open: this summary is that of round 2"), text);
    assertFalse(text.contains("–%") || text.contains("-%"), "no missing number as a percentage");
    Element strategy = page.getElementById("item-strategy");
    assertEquals("3*", strategy.select("tbody tr").get(2).select("th").text(), "the open round's row is provisional");
    assertTrue(strategy.select("svg title").text().contains("in round 2"), "the chart is round 2's");
  }

  /** An item's row of the report's table for a round, as the template prints it from the results. */
  private static List<String> row(JsonObject item, int round) {
    JsonObject o = item.getJsonObject("overall");
    JsonObject stability = item.getJsonObject("stability");
    String moved = stability == null ? "–" : (stability.getBoolean("stable") ? "stable: " : "not stable: ")
        + Views.number(stability.getValue("changePct"), "en") + "% of ratings moved since round "
        + stability.getInteger("since");
    return List.of(String.valueOf(round), String.valueOf(o.getInteger("n")), Views.number(o.getValue("median"), "en"),
        Views.number(o.getValue("iqr"), "en"), Math.round(o.getDouble("agree") * 100) + "%", moved,
        Views.text("en", "report.rand." + o.getString("rand")), Views.text("en", "verdict." + o.getString("verdict")));
  }

  private static JsonObject reportRound(JsonObject report, String item, int round) {
    return report.getJsonArray("items").stream().map(JsonObject.class::cast).filter(i -> item.equals(i.getString("id")))
        .findFirst().orElseThrow().getJsonArray("rounds").stream().map(JsonObject.class::cast)
        .filter(r -> r.getInteger("round") == round).findFirst().orElseThrow();
  }

  private static JsonArray without(JsonArray items, String field) {
    JsonArray copy = items.copy();
    copy.forEach(i -> ((JsonObject) i).remove(field));
    return copy;
  }

  private static JsonObject analyze(Path csv, Path study, int round) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Analyze.run(new String[] {csv.toString(), "--study", study.toString(), "--round",
        String.valueOf(round)}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    return new JsonObject(out.toString(StandardCharsets.UTF_8));
  }

  private static String pdfText() throws Exception {
    HttpResponse<Buffer> r = kenes.adminGet("/api/studies/small/report.pdf?lang=en");
    assertEquals(200, r.statusCode());
    try (PDDocument pdf = Loader.loadPDF(r.body().getBytes())) {
      return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
  }

  @Test
  @DisplayName("the two patients' count never shows, directly or as overall minus the panels shown, in any output")
  void smallPanelNeverCounted() throws Exception {
    assertEquals(3 * (3 + PANELS.length) + 1 + 4, outputs.size());
    for (JsonObject output : outputs) {
      assertNotNull(output, "every output was read");
      scan(output, output.encode());
    }
    for (String text : pages) {
      for (Element tr : Jsoup.parse(text).select("tbody tr")) {
        if (tr.select("th, td").eachText().contains("Patients") || "patients".equals(tr.attr("data-panel"))) {
          assertTrue(tr.text().contains("fewer than 3 responses"), "a patients' row with a count: " + tr.text());
        }
      }
    }
    String pdf = pdfText();
    assertEquals(3, pdf.split("Patients 2 fewer than 3 responses", -1).length - 1, "the PDF's rows of the patients");
    assertFalse(pdf.matches(".*Patients \\d+ (?!fewer than 3 responses).*"), "a patients' count in the PDF");
  }

  /**
   * A JSON output: the patients' panel carries no count but what was invited, and wherever a breakdown by panel sits
   * beside an overall figure, the overall minus the panels shown is 0 or at least minCell: the panels withheld form a
   * group of at least minCell, whose figures (a histogram's count of 1 included) are as safe as a shown panel's.
   */
  private static void scan(Object json, String where) {
    if (json instanceof JsonObject o) {
      for (Map.Entry<String, Object> e : o) {
        if ("patients".equals(e.getKey()) && e.getValue() instanceof JsonObject p) {
          assertTrue(p.getBoolean("suppressed", false), "patients shown: " + where);
          p.forEach(f -> assertTrue("invited".equals(f.getKey()) || !(f.getValue() instanceof Number),
              "a count of the patients (" + f.getKey() + "): " + where));
        }
        scan(e.getValue(), where);
      }
      JsonObject panels = o.getValue("panels") instanceof JsonObject p ? p : null;
      if (panels != null && o.getValue("responded") instanceof Number total) {
        remainder(total.longValue(), panels, "responded", where);
      }
      JsonObject overall = o.getValue("overall") instanceof JsonObject ov ? ov : null;
      if (panels != null && overall != null && overall.getValue("n") instanceof Number n) {
        remainder(n.longValue(), panels, "n", where);
      }
    } else if (json instanceof JsonArray a) {
      a.forEach(v -> scan(v, where));
    }
  }

  private static boolean hidden(JsonObject panels) {
    return panels.stream().anyMatch(e -> ((JsonObject) e.getValue()).getBoolean("suppressed", false));
  }

  /** Overall minus the panels shown: nothing, or at least minCell ratings (or respondents) of the hidden panels. */
  private static void remainder(long total, JsonObject panels, String field, String where) {
    long shown = panels.stream().map(e -> (JsonObject) e.getValue())
        .filter(p -> !p.getBoolean("suppressed", false) && p.getValue(field) instanceof Number)
        .mapToLong(p -> p.getLong(field)).sum();
    long hiddenTotal = total - shown;
    boolean anyHidden = hidden(panels);
    assertFalse(anyHidden && hiddenTotal > 0 && hiddenTotal < MIN_CELL && shown > 0,
        field + ": overall " + total + " minus the panels shown " + shown + " reveals the hidden ones: " + where);
  }
}
