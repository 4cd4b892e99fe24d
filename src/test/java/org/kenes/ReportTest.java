package org.kenes;

import static java.nio.charset.StandardCharsets.UTF_8;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.cli.Analyze;

/** The consensus report of a finished two-round, three-panel dialogue, as JSON, as a page and as a PDF. */
class ReportTest {

  @TempDir
  static Path dir;
  static TestKenes kenes;
  static JsonObject report;

  @BeforeAll
  static void runTheDialogue() {
    kenes = TestKenes.start(dir.resolve("data"));
    ReportFixture.run(kenes);
    HttpResponse<Buffer> r = kenes.adminGet("/api/studies/small/report");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    report = r.bodyAsJsonObject();
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  @Test
  @DisplayName("the JSON summary ranks consensus by category, lists rejected and open items, rankings, bridging")
  void summary() {
    JsonObject summary = report.getJsonObject("summary");
    // Both at 100% agreement and a median of 8: the study's order decides.
    assertEquals(new JsonArray(List.of("strategy", "training")), summary.getJsonArray("consensus-in"));
    assertEquals(new JsonArray(List.of("fees")), summary.getJsonArray("consensus-out"));
    assertEquals(new JsonArray(List.of("audit")), summary.getJsonArray("no-consensus"));
    assertEquals(new JsonArray(List.of("twinning")), summary.getJsonArray("retired"));
    JsonArray byCategory = summary.getJsonArray("consensusInByCategory");
    assertEquals("governance", byCategory.getJsonObject(0).getString("category"));
    assertEquals(new JsonArray(List.of("strategy")), byCategory.getJsonObject(0).getJsonArray("items"));
    assertEquals("practice", byCategory.getJsonObject(1).getString("category"));
    JsonObject tools = summary.getJsonArray("rankings").getJsonObject(0);
    assertEquals(new JsonArray(List.of("audit", "checklists", "pdsa")), tools.getJsonArray("order"));
    assertEquals(7.0 / 9.0, tools.getDouble("kendallW"), 1e-12, "12S / (m²(n³ − n)) with m = 12, n = 3, S = 224");
    assertEquals("strong", tools.getString("strength"));
    assertTrue(summary.getJsonArray("all-panels-in").contains("strategy"));
  }

  @Test
  @DisplayName("the small panel is suppressed in the report JSON: statistics and its count of respondents")
  void smallPanelInJson() {
    for (Object o : report.getJsonArray("rounds")) {
      JsonObject patients = ((JsonObject) o).getJsonObject("participation").getJsonObject("panels").getJsonObject("patients");
      assertEquals(2, patients.getInteger("invited"));
      assertTrue(patients.getBoolean("suppressed"));
      assertEquals(null, patients.getValue("responded"));
    }
    for (Object o : report.getJsonArray("items")) {
      for (Object h : ((JsonObject) o).getJsonArray("rounds")) {
        JsonObject panels = ((JsonObject) h).getJsonObject("panels");
        if (panels != null) {
          assertEquals(new JsonObject().put("suppressed", true), panels.getJsonObject("patients"));
        }
      }
    }
  }

  @Test
  @DisplayName("the changes between rounds are in the report with their provenance")
  void changes() {
    JsonArray changes = report.getJsonArray("changes");
    assertEquals(2, changes.size(), changes.encodePrettily());
    JsonObject added = changes.stream().map(JsonObject.class::cast).filter(c -> "added".equals(c.getString("change")))
        .findFirst().orElseThrow();
    assertEquals("training", added.getString("item"));
    assertEquals(2, added.getInteger("askedFrom"));
    assertEquals("Suggested in round 1", added.getJsonObject("provenance").getString("note"));
    assertTrue(added.getJsonObject("provenance").getJsonArray("from").getString(0).startsWith("a-"));
    assertTrue(added.getJsonArray("sources").getJsonObject(0).getString("text").startsWith("Train the staff"),
        "the open answer an item came from is quoted");
  }

  @Test
  @DisplayName("the page has every section, marks consensus in words, suppresses the small panel and escapes comments")
  void page() {
    HttpResponse<Buffer> r = kenes.adminGet("/studies/small/report");
    assertEquals(200, r.statusCode());
    String html = r.bodyAsString();
    for (String expected : List.of("Skip to the report", "Reached consensus to include", "Reached consensus to exclude", "Still open",
        "Retired between rounds", "last asked in round 1",
        "Kendall&#x27;s W &#x3D; 0.78: strong agreement", "Stakeholder view", "Comments digest", "Method",
        "✓ 100% (consensus)", "fewer than 3 responses", "Consensus in every panel (bridging items)",
        "Reasons for changed ratings, round 2", "Reason 1", "Hyndman and Fan type R_7",
        "A panel with fewer than 3 ratings is never shown on its own (minCell)", "at most 3 rounds",
        "Training in quality improvement", "added", "retired", "Out of the strategy&#x27;s scope",
        "after round 1, from round 2", "Suggested in round 1", "«Train the staff in quality improvement", "role=\"img\"", "<title id=\"chart-audit-title\">",
        "stable: ", "appropriate",
        "href=\"/api/studies/small/export.csv\"", "href=\"/api/studies/small/rounds/1/results\"",
        "href=\"/api/studies/small/rounds/2/results\"", "href=\"/api/studies/small/report.pdf?lang&#x3D;en\"")) {
      assertTrue(html.contains(expected), "missing: " + expected);
    }
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(html.contains(ReportFixture.MARKUP));
    String stakeholders = html.substring(html.indexOf("<table class=\"stakeholders\">"));
    stakeholders = stakeholders.substring(0, stakeholders.indexOf("</table>"));
    // Every row's patients cell (the third panel) reads "fewer than 3 responses", never a share.
    for (String row : stakeholders.split("<tr>")) {
      if (row.contains("scope=\"row\"")) {
        assertEquals("fewer than 3 responses", cells(row).get(2), row);
      }
    }
    assertEquals(200, kenes.adminGet("/studies/small/report?lang=ru").statusCode());
    assertTrue(kenes.adminGet("/studies/small/report?lang=ru").bodyAsString().contains("меньше 3 ответов"));
  }

  @Test
  @DisplayName("the report needs a facilitator")
  void access() {
    assertEquals(401, kenes.get("/api/studies/small/report.pdf").statusCode());
    assertEquals(401, kenes.get("/api/studies/small/report").statusCode());
  }

  @Test
  @DisplayName("the PDF holds the report as text, in DejaVu Sans, with the small panel suppressed")
  void pdfInEnglish() throws Exception {
    String text = pdfText("en", List.of("Small test study", "Reached consensus to include", "A national quality strategy",
        "fewer than 3 responses", "Kendall's W", "Comments digest", ReportFixture.MARKUP, "Changes to the items"));
    assertFalse(text.contains("Небольшое"));
  }

  @Test
  @DisplayName("the PDF in Russian keeps its Cyrillic text")
  void pdfInRussian() throws Exception {
    pdfText("ru", List.of("Небольшое тестовое исследование", "Клинический аудит", "меньше 3 ответов",
        "Консенсус: включить", "Свод комментариев", "Платные услуги вредят", "Методология"));
  }

  private static String pdfText(String lang, List<String> expected) throws Exception {
    HttpResponse<Buffer> r = kenes.adminGet("/api/studies/small/report.pdf?lang=" + lang);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals("application/pdf", r.getHeader("Content-Type"));
    // Kept in target/ for a person to look at.
    Files.write(Files.createDirectories(Path.of("target", "report"))
        .resolve("report-" + lang + ".pdf"), r.body().getBytes());
    try (PDDocument pdf = Loader.loadPDF(r.body().getBytes())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      for (String e : expected) {
        assertTrue(text.contains(e), "missing in the PDF text: " + e + "\n" + text);
      }
      List<String> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name).getName());
        }
        assertTrue(page.getResources().getXObjectNames().iterator().hasNext() || fonts.size() > 0);
      }
      assertTrue(fonts.stream().allMatch(f -> f.contains("DejaVuSans")), fonts.toString());
      // Tagged for screen readers (PDF/UA): a structure tree in the document's language, its charts with text.
      assertNotNull(pdf.getDocumentCatalog().getStructureTreeRoot(), "a tagged PDF");
      assertTrue(pdf.getDocumentCatalog().getMarkInfo().isMarked());
      assertEquals(lang, pdf.getDocumentCatalog().getLanguage());
      assertEquals(expected.get(0), pdf.getDocumentInformation().getTitle());
      List<String> figures = new ArrayList<>();
      collectFigures(pdf.getDocumentCatalog().getStructureTreeRoot().getKids(), figures);
      assertFalse(figures.isEmpty(), "the charts are figures");
      assertTrue(figures.stream().noneMatch(String::isBlank), figures.toString());
      return text;
    }
  }

  /** The text alternatives of the figures in a structure tree. */
  private static void collectFigures(List<Object> kids, List<String> alternatives) {
    for (Object kid : kids) {
      if (kid instanceof PDStructureElement element) {
        if ("Figure".equals(element.getStructureType())) {
          alternatives.add(String.valueOf(element.getAlternateDescription()));
        }
        collectFigures(element.getKids(), alternatives);
      }
    }
  }

  @Test
  @DisplayName("the exported CSV, analysed offline with the study as it stands, gives the stored results of both rounds")
  void exportAnalyzeRoundTrip() throws Exception {
    String csv = kenes.adminGet("/api/studies/small/export.csv").bodyAsString();
    Path file = dir.resolve("export.csv");
    Files.writeString(file, csv);
    JsonObject definition = kenes.adminGet("/api/studies/small").bodyAsJsonObject();
    definition.remove("roundsHeld");
    Path studyFile = dir.resolve("small-now.json");
    Files.writeString(studyFile, definition.encode());
    for (int round = 1; round <= 2; round++) {
      JsonObject stored = kenes.adminGet("/api/studies/small/rounds/" + round + "/results").bodyAsJsonObject();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = Analyze.run(new String[] {file.toString(), "--study", studyFile.toString(), "--round",
          String.valueOf(round)}, new PrintStream(out, true, UTF_8),
          new PrintStream(err, true, UTF_8));
      assertEquals(0, code, err.toString(UTF_8));
      JsonObject offline = new JsonObject(out.toString(UTF_8));
      // The export has no column for reasons (its header is fixed), so the offline results know none.
      assertEquals(withoutReasons(stored.getJsonArray("items")), withoutReasons(offline.getJsonArray("items")),
          "round " + round);
    }
  }

  private static JsonArray withoutReasons(JsonArray items) {
    JsonArray copy = items.copy();
    copy.forEach(i -> ((JsonObject) i).remove("reasons"));
    return copy;
  }

  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    for (String part : row.split("<td>")) {
      if (part.contains("</td>")) {
        cells.add(part.substring(0, part.indexOf("</td>")).replaceAll("<[^>]+>", ""));
      }
    }
    return cells;
  }
}
