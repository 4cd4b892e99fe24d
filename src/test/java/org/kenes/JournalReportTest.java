package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a journal asks a Delphi report to state, of a three-round dialogue with participant attributes, dropouts and a
 * small panel ({@link AttritionFixture}): who the panel was, the flow of participants and items, attrition and
 * non-response bias; as JSON, on the report page and in its PDF. Expected p: the exact conditional p by enumeration
 * of every split (expected.py's mwu_exact_by_enumeration).
 */
class JournalReportTest {

  @TempDir
  static Path dir;
  static TestKenes kenes;
  static JsonObject attrition;

  @BeforeAll
  static void runTheDialogue() {
    kenes = TestKenes.start(dir.resolve("data"));
    AttritionFixture.run(kenes);
    HttpResponse<Buffer> r = kenes.adminGet("/api/studies/small/attrition");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    attrition = r.bodyAsJsonObject();
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static JsonObject round(int n) {
    return attrition.getJsonArray("rounds").stream().map(JsonObject.class::cast)
        .filter(r -> r.getInteger("round") == n).findFirst().orElseThrow();
  }

  private static JsonObject item(JsonObject round, String id) {
    return round.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> id.equals(i.getString("id"))).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("the leavers are counted per round, a panel under minCell withheld and no count of it anywhere")
  void leavers() {
    assertEquals(2, attrition.getJsonArray("rounds").size());
    JsonObject second = round(2);
    assertEquals(1, second.getInteger("since"));
    assertEquals(18, second.getInteger("responded"));
    assertEquals(12, second.getInteger("stayed"));
    assertEquals(6, second.getInteger("left"));
    JsonObject panels = second.getJsonObject("panels");
    assertEquals(new JsonObject().put("suppressed", true), panels.getJsonObject("policy"), "2 left: under minCell");
    assertEquals(new JsonObject().put("left", 3), panels.getJsonObject("providers"));
    assertEquals(new JsonObject().put("suppressed", true), panels.getJsonObject("patients"));
    JsonObject third = round(3);
    assertEquals(1, third.getInteger("left"));
    assertEquals(new JsonObject().put("suppressed", true), third.getJsonObject("panels").getJsonObject("providers"));
  }

  @Test
  @DisplayName("those who left rated audit lower: medians 3 and 8, agreement 0% and 100%, U = 72, exact p = 1/18564")
  void leaversRatedLower() {
    JsonObject audit = item(round(2), "audit");
    assertEquals(12, audit.getInteger("stayers"));
    assertEquals(6, audit.getInteger("leavers"));
    assertEquals(new JsonObject().put("stayers", 8.0).put("leavers", 3.0).put("difference", -5.0),
        audit.getJsonObject("median"));
    assertEquals(new JsonObject().put("stayers", 1.0).put("leavers", 0.0).put("difference", -1.0),
        audit.getJsonObject("agree"));
    assertEquals(72.0, audit.getDouble("u"));
    assertEquals(1.0 / 18564, audit.getDouble("p"), 1e-15);
    assertEquals("exact", audit.getString("method"));
    assertTrue(audit.getBoolean("leaversLower"));
    JsonObject twinning = item(round(2), "twinning");
    assertEquals(39.0, twinning.getDouble("u"));
    assertEquals(3778.0 / 4641, twinning.getDouble("p"), 1e-12);
  }

  @Test
  @DisplayName("audit's consensus in round 2 is flagged: with the leavers' last ratings it would be no consensus")
  void fragileConsensus() {
    assertEquals(new JsonArray().add(new JsonObject().put("id", "audit").put("verdict", "consensus-in")
        .put("withLeavers", "no-consensus").put("added", 6)), round(2).getJsonArray("fragile"));
    assertTrue(round(3).getJsonArray("fragile").isEmpty());
  }

  @Test
  @DisplayName("a single leaver is never described: after round 2 every item reads as too few to compare")
  void singleLeaverSuppressed() {
    for (Object o : round(3).getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      assertTrue(item.getBoolean("suppressed"), item.encode());
      assertFalse(item.containsKey("median"));
      assertFalse(item.containsKey("p"));
    }
  }

  @Test
  @DisplayName("the report page says it in words, in English and Russian, and names the method")
  void page() {
    String en = kenes.adminGet("/studies/small/report?lang=en").bodyAsString();
    assertTrue(en.contains("id=\"attrition\""));
    assertTrue(en.contains("Those who left rated this lower: median 3 against 8 among those who stayed."), en);
    assertTrue(en.contains("Of the 18 who answered round 1, 12 answered round 2 and 6 did not."));
    assertTrue(en.contains("the verdict would be “No consensus” instead of “Consensus: include”"));
    assertTrue(en.contains("Mann–Whitney U test"));
    String ru = kenes.adminGet("/studies/small/report?lang=ru").bodyAsString();
    assertTrue(ru.contains("Выбывшие оценили это ниже: медиана 3 против 8 у оставшихся."), ru);
  }

  @Test
  @DisplayName("the PDF holds the attrition section and its flagged item, in English and in Russian")
  void pdf() throws Exception {
    for (String[] lang : new String[][] {{"en", "Attrition and non-response bias", "Those who left rated this lower",
        "Round 2: invited: 18, responded: 12 (67%); withdrew: 0."},
        {"ru", "Выбывание участников", "Выбывшие оценили это ниже",
            "Раунд 2: приглашено: 18, ответили: 12 (67%); отказались от участия: 0."}}) {
      HttpResponse<Buffer> r = kenes.adminGet("/api/studies/small/report.pdf?lang=" + lang[0]);
      assertEquals(200, r.statusCode());
      try (PDDocument pdf = Loader.loadPDF(r.body().getBytes())) {
        String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains(lang[1]), text);
        assertTrue(text.contains(lang[2]), text);
        assertTrue(text.contains(lang[3]), text);
      }
    }
  }

  @Test
  @DisplayName("the flow diagram gives each round's participants and items, with the passage between rounds")
  void flow() {
    assertEquals(new JsonObject().put("1", 0).put("2", 0).put("3", 1), attrition.getJsonObject("withdrawn"));
    String page = kenes.adminGet("/studies/small/report?lang=en").bodyAsString();
    String flow = page.substring(page.indexOf("<section id=\"flow\""), page.indexOf("<section id=\"attrition\""));
    assertTrue(flow.contains("role=\"img\" aria-labelledby=\"flow-title flow-desc\""), flow);
    for (String step : new String[] {
        "Round 1: invited: 18, responded: 18 (100%); withdrew: 0.",
        "Round 1: items asked: 6; consensus to include: 1, to exclude: 1; no consensus: 2; too few answers: 0.",
        "Of those who answered round 1, did not answer round 2: 6.",
        "From round 1 to round 2: items carried forward: 2; added: 0, reworded: 0, merged: 0, retired: 0.",
        "Round 2: invited: 18, responded: 12 (67%); withdrew: 0.",
        "Round 2: items asked: 2; consensus to include: 1, to exclude: 0; no consensus: 1; too few answers: 0.",
        "Of those who answered round 2, did not answer round 3: 1.",
        "Round 3: invited: 17, responded: 11 (65%); withdrew: 1."}) {
      assertTrue(flow.contains("<li>" + step + "</li>"), step);
      assertTrue(flow.substring(flow.indexOf("<desc"), flow.indexOf("</desc>")).contains(step), step);
    }
    // The SVG's own text, which the PDF keeps as text
    assertTrue(flow.contains(">Invited 18, responded 12 (67%)</text>"), flow);
    assertTrue(flow.contains(">Did not answer next round: 6</text>"), flow);
    assertTrue(flow.contains(">Carried forward 2</text>"), flow);
  }

  private static JsonObject column(JsonObject characteristics, String attribute, int k) {
    return characteristics.getJsonArray("attributes").stream().map(JsonObject.class::cast)
        .filter(a -> attribute.equals(a.getString("id"))).findFirst().orElseThrow().getJsonArray("columns")
        .getJsonObject(k);
  }

  private static JsonObject count(long count, double share) {
    return new JsonObject().put("count", count).put("share", share);
  }

  @Test
  @DisplayName("the characteristics give counts and shares per panel, a value of fewer than minCell withheld")
  void characteristics() {
    HttpResponse<Buffer> r = kenes.adminGet("/api/studies/small/characteristics");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject c = r.bodyAsJsonObject();
    assertEquals(18, c.getInteger("respondents"));
    JsonObject overall = column(c, "sector", 0);
    assertEquals(18, overall.getInteger("n"));
    assertEquals(new JsonObject().put("public", count(6, 6.0 / 18)).put("private", count(7, 7.0 / 18))
        .put("ngo", count(5, 5.0 / 18)), overall.getJsonObject("options"));
    assertEquals("policy", column(c, "sector", 1).getString("panel"));
    assertEquals(count(4, 4.0 / 7), column(c, "sector", 1).getJsonObject("options").getJsonObject("public"));
    JsonObject patients = column(c, "sector", 3).getJsonObject("options");
    assertEquals(new JsonObject().put("suppressed", true), patients.getJsonObject("public"), "2 patients: withheld");
    assertEquals(new JsonObject().put("suppressed", true), patients.getJsonObject("ngo"));
    assertEquals(count(0, 0.0), patients.getJsonObject("private"));
  }

  @Test
  @DisplayName("a number is described by median and range per panel, those who gave none counted apart")
  void numbers() {
    JsonObject c = kenes.adminGet("/api/studies/small/characteristics").bodyAsJsonObject();
    JsonObject overall = column(c, "years", 0);
    assertEquals(17, overall.getInteger("n"));
    assertEquals(1, overall.getInteger("missing"));
    assertEquals(10.0, overall.getDouble("median"));
    assertEquals(1, overall.getInteger("min"));
    assertEquals(35, overall.getInteger("max"));
    assertEquals(20.0, column(c, "years", 1).getDouble("median"));
    // the patient who answered on the first visit gave 12 years
    JsonObject patients = column(c, "years", 3);
    assertEquals(3, patients.getInteger("n"));
    assertEquals(12.0, patients.getDouble("median"));
    assertEquals(10, patients.getInteger("min"));
    assertEquals(20, patients.getInteger("max"));
  }

  @Test
  @DisplayName("the report page and its PDF show who the panel was, in English and Russian")
  void characteristicsOnThePage() throws Exception {
    String en = kenes.adminGet("/studies/small/report?lang=en").bodyAsString();
    assertTrue(en.contains("<h2 id=\"participants-h\">Who the panel was</h2>"), en);
    assertTrue(en.contains("<tr><th scope=\"row\">Public</th><td>6 (33%)</td><td>4 (57%)</td><td>0 (0%)</td>"
        + "<td>fewer than 3 responses</td></tr>"), en);
    assertTrue(en.contains("<tr><th scope=\"row\">Range</th><td>1–35</td><td>5–35</td><td>1–7</td>"
        + "<td>10–20</td></tr>"));
    String ru = kenes.adminGet("/studies/small/report?lang=ru").bodyAsString();
    assertTrue(ru.contains("Кто входил в экспертную группу"));
    assertTrue(ru.contains("<th scope=\"row\">Государственный</th><td>6 (33%)</td>"), ru);
    try (PDDocument pdf = Loader.loadPDF(kenes.adminGet("/api/studies/small/report.pdf?lang=ru").body().getBytes())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertTrue(text.contains("Кто входил в экспертную группу"), text);
      assertTrue(text.contains("Стаж, лет"), text);
    }
  }

  private static JsonObject filteredItem(String query, String item) {
    HttpResponse<Buffer> r = kenes.adminGet("/api/studies/small/rounds/1/filtered?" + query);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> item.equals(i.getString("id"))).findFirst().orElseThrow().getJsonObject("overall");
  }

  @Test
  @DisplayName("results filtered by an attribute: the group selected, withheld when it or the rest is under minCell")
  void filtered() {
    JsonObject audit = filteredItem("attribute=sector&value=private", "audit");
    assertEquals(7, audit.getInteger("n"));
    assertEquals(7.0, audit.getDouble("median"));
    assertEquals(4.0 / 7, audit.getDouble("agree"), 1e-12);
    assertEquals(new JsonObject().put("suppressed", true), filteredItem("attribute=years&min=30", "audit"),
        "two panelists");
    assertEquals(new JsonObject().put("suppressed", true), filteredItem("attribute=years&max=60", "audit"),
        "the one without years would be the overall figures minus these");
    assertEquals(10, filteredItem("attribute=years&min=5&max=20", "strategy").getInteger("n"));
    JsonArray filters = kenes.adminGet("/api/studies/small/rounds/1/filtered").bodyAsJsonObject()
        .getJsonArray("filters");
    assertEquals(new JsonObject().put("attribute", "years").put("type", "number").put("min", 0).put("max", 60),
        filters.getJsonObject(1));
    HttpResponse<Buffer> bad = kenes.adminGet("/api/studies/small/rounds/1/filtered?attribute=shoe");
    assertEquals(400, bad.statusCode());
    assertEquals("attribute", bad.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
    HttpResponse<Buffer> noValue = kenes.adminGet("/api/studies/small/rounds/1/filtered?attribute=sector");
    assertEquals("value", noValue.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
  }

  @Test
  @DisplayName("the console's filtered results name the filter on every chart and figure")
  void filteredInTheConsole() {
    String page = kenes.adminGet("/console/studies/small/filter?round=1&attribute=sector&value=private")
        .bodyAsString();
    assertTrue(page.contains("Clinical audit — round 1 — only panelists with Sector: Private"), page);
    assertTrue(page.contains("(only panelists with Sector: Private)."), page);
    int charts = page.split("<svg", -1).length - 1;
    int named = page.split("only panelists with Sector: Private</title>", -1).length - 1;
    assertEquals(4, charts);
    assertEquals(charts, named);
    assertEquals(400, kenes.adminGet("/console/studies/small/filter?round=1&attribute=sector&value=x").statusCode());
  }

  private static HttpResponse<Buffer> putYaml(String file) {
    return kenes.vertxClient().put("/api/studies/small").bearerTokenAuthentication(TestKenes.ADMIN)
        .putHeader("Content-Type", "application/yaml").sendBuffer(Buffer.buffer(file)).await();
  }

  @Test
  @DisplayName("what the study states for the report is in it, and what it left out reads \"not reported\"")
  void reporting() throws Exception {
    String en = kenes.adminGet("/studies/small/report?lang=en").bodyAsString();
    assertTrue(en.contains("<dt id=\"reporting-aim\">Aim and intended audience of the consensus</dt>"
        + "<dd>To agree the priorities of the quality strategy</dd>"), en);
    assertTrue(en.contains("<dt id=\"reporting-limitations\">Limitations</dt><dd><em>Not reported</em></dd>"));
    assertEquals("Approved by the ethics committee, ref. 2026/17", kenes.adminGet("/api/studies/small")
        .bodyAsJsonObject().getJsonObject("reporting").getJsonObject("ethics").getString("en"));
    try (PDDocument pdf = Loader.loadPDF(kenes.adminGet("/api/studies/small/report.pdf?lang=ru").body().getBytes())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertTrue(text.contains("Одобрено этическим комитетом, № 2026/17"), text);
      assertTrue(text.contains("Ограничения Не указано"), text);
    }
    // Written last, after the rounds: the report states it at once, the questions stay as they were.
    String file = TestKenes.resource("studies/small.yaml") + AttritionFixture.ATTRIBUTES
        + "  limitations: {en: \"A small panel of patients\", ru: \"Малая группа пациентов\"}\n";
    assertEquals(200, putYaml(file).statusCode());
    assertTrue(kenes.adminGet("/studies/small/report?lang=en").bodyAsString()
        .contains("<dt id=\"reporting-limitations\">Limitations</dt><dd>A small panel of patients</dd>"));
    HttpResponse<Buffer> changed = putYaml(file.replace("Clinical audit", "Clinical audits"));
    assertEquals(409, changed.statusCode(), "the questions cannot change once rounds have begun");
  }

  @Test
  @DisplayName("how the rounds were run is generated: reminders per round from the outbox, feedback, anonymity")
  void conduct() {
    String en = kenes.adminGet("/studies/small/report?lang=en").bodyAsString();
    assertTrue(en.contains("<li>Round 1: reminders sent: 0.</li><li>Round 2: reminders sent: 6.</li>"
        + "<li>Round 3: reminders sent: 0.</li>"), en);
    assertTrue(en.contains("where the panel had at least 3 ratings"));
    assertTrue(kenes.adminGet("/studies/small/report?lang=ru").bodyAsString()
        .contains("Раунд 2: отправлено напоминаний: 6."));
  }

  @Test
  @DisplayName("attrition is for those with a role on the study: 401 without a token")
  void needsAToken() {
    assertEquals(401, kenes.get("/api/studies/small/attrition").statusCode());
    assertEquals(401, kenes.get("/api/studies/small/characteristics").statusCode());
  }
}
