package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.kenes.web.Views;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The report as a Word document (DOCX, Apache POI's XWPF) for writers to edit for a journal: laid out from the same
 * model as the page and the PDF, in the report's language, with Word's own heading styles (so that its navigation
 * and table of contents work): the summary, each item's figures by round, About this study, the flow in words, the
 * method with how the rounds were run and its references, and the checklists. Charts are not in it yet.
 */
final class ReportDocx {

  private final XWPFDocument doc = new XWPFDocument();
  private final String lang;

  private ReportDocx(String lang) {
    this.lang = lang;
    styles();
  }

  /**
   * The title and heading styles, by Word's own ids and names, each with its outline level: a new document has none,
   * and a heading must be one for Word's navigation, table of contents and screen readers.
   */
  private void styles() {
    XWPFStyles styles = doc.createStyles();
    List<String> ids = List.of("Title", "Heading1", "Heading2", "Heading3");
    List<String> names = List.of("Title", "heading 1", "heading 2", "heading 3");
    int[] sizes = {32, 28, 24, 22};
    for (int level = 0; level < ids.size(); level++) {
      CTStyle style = CTStyle.Factory.newInstance();
      style.setStyleId(ids.get(level));
      style.setType(STStyleType.PARAGRAPH);
      style.addNewName().setVal(names.get(level));
      style.addNewQFormat();
      style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(Math.max(0, level - 1)));
      CTRPr run = style.addNewRPr();
      run.addNewB();
      // Half-points, as Word counts a font's size.
      run.addNewSz().setVal(BigInteger.valueOf(sizes[level]));
      styles.addStyle(new XWPFStyle(style));
    }
  }

  /** Written on a worker thread: a study of many items makes a large document. */
  static byte[] of(JsonObject model) {
    ReportDocx d = new ReportDocx(model.getString("lang"));
    try (XWPFDocument doc = d.doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      d.heading("Title", model.getString("title"));
      d.summary(model.getJsonObject("summary"));
      d.items(model.getJsonArray("items"));
      d.reporting(model.getJsonArray("reporting"));
      d.heading("Heading1", Views.text(d.lang, "flow.title"));
      model.getJsonObject("flow").getJsonArray("steps").forEach(s -> d.paragraph(String.valueOf(s)));
      d.methods(model.getJsonObject("methods"), model.getJsonArray("conduct"), model.getJsonArray("references"));
      d.checklists(model.getJsonArray("checklists"));
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void summary(JsonObject summary) {
    heading("Heading1", t("report.summary"));
    heading("Heading2", t("report.group.consensus-in"));
    for (Object g : summary.getJsonArray("included")) {
      JsonObject group = (JsonObject) g;
      heading("Heading3", group.getString("name"));
      list(group.getJsonArray("items"));
    }
    heading("Heading2", t("report.group.consensus-out"));
    list(summary.getJsonArray("excluded"));
    heading("Heading2", t("report.group.open"));
    list(summary.getJsonArray("open"));
  }

  private void list(JsonArray refs) {
    if (refs.isEmpty()) {
      paragraph(t("report.none"));
    }
    refs.forEach(r -> paragraph("• " + ((JsonObject) r).getString("text")));
  }

  private void items(JsonArray items) {
    heading("Heading1", t("report.items"));
    for (Object o : items) {
      JsonObject item = (JsonObject) o;
      heading("Heading2", item.getString("text"));
      if (item.getString("verdictText") != null) {
        paragraph(item.getString("verdictText")).getRuns().get(0).setBold(true);
      }
      JsonArray rounds = item.getJsonArray("rounds", new JsonArray());
      if (rounds.isEmpty()) {
        continue;
      }
      XWPFTable table = table(List.of(t("report.round"), "n", t("report.median"), "IQR", t("report.agree"),
          t("report.verdict")));
      for (Object r : rounds) {
        JsonObject round = (JsonObject) r;
        row(table, List.of(String.valueOf(round.getValue("round")), text(round.getValue("n")),
            number(round.getValue("median")), number(round.getValue("iqr")), percent(round.getValue("agree")),
            text(round.getValue("verdictText"))));
      }
    }
  }

  private void reporting(JsonArray fields) {
    heading("Heading1", t("reporting.title"));
    for (Object o : fields) {
      JsonObject f = (JsonObject) o;
      paragraph(f.getString("label")).getRuns().get(0).setBold(true);
      paragraph(f.getString("text") != null ? f.getString("text") : f.getString("missing"));
    }
  }

  private void methods(JsonObject methods, JsonArray conduct, JsonArray references) {
    heading("Heading1", t("report.method"));
    heading("Heading2", t("report.rounds"));
    XWPFTable table = table(List.of(t("report.round"), t("report.opened"), t("report.closed"), t("report.invited"),
        t("report.responded")));
    for (Object o : methods.getJsonArray("rounds")) {
      JsonObject r = (JsonObject) o;
      row(table, List.of(String.valueOf(r.getValue("round")), text(r.getValue("openedAt")),
          r.getValue("closedAt") == null ? t("report.stillOpen") : text(r.getValue("closedAt")),
          text(r.getValue("invited")), text(r.getValue("responded"))));
    }
    heading("Heading2", t("report.rule"));
    for (String key : List.of("scale", "rule", "minResponses", "perPanel", "quantiles", "minCell", "stability", "rand",
        "stopping")) {
      if (methods.getValue(key) instanceof String line) {
        paragraph("• " + line);
      }
    }
    paragraph("• " + t("report.attritionMethod"));
    heading("Heading2", t("conduct.title"));
    conduct.forEach(line -> paragraph("• " + line));
    heading("Heading2", t("report.references"));
    for (int i = 0; i < references.size(); i++) {
      paragraph((i + 1) + ". " + references.getString(i));
    }
  }

  private void checklists(JsonArray checklists) {
    heading("Heading1", t("checklist.title"));
    paragraph(t("checklist.intro"));
    for (Object o : checklists) {
      JsonObject list = (JsonObject) o;
      heading("Heading2", list.getString("title"));
      XWPFTable table = table(List.of(t("checklist.number"), t("checklist.item"), t("checklist.where")));
      for (Object i : list.getJsonArray("items")) {
        JsonObject item = (JsonObject) i;
        row(table, List.of(item.getString("number"), item.getString("text"),
            item.getString("where") != null ? item.getString("where") : item.getString("notReported")));
      }
    }
  }

  private void heading(String style, String text) {
    XWPFParagraph p = paragraph(text);
    p.setStyle(style);
  }

  private XWPFParagraph paragraph(String text) {
    XWPFParagraph p = doc.createParagraph();
    XWPFRun run = p.createRun();
    run.setText(text == null ? "" : text);
    return p;
  }

  /** A table with its header row. */
  private XWPFTable table(List<String> head) {
    XWPFTable table = doc.createTable(1, head.size());
    XWPFTableRow first = table.getRow(0);
    for (int c = 0; c < head.size(); c++) {
      first.getCell(c).setText(head.get(c));
    }
    first.setRepeatHeader(true);
    return table;
  }

  private static void row(XWPFTable table, List<String> cells) {
    XWPFTableRow row = table.createRow();
    for (int c = 0; c < cells.size(); c++) {
      row.getCell(c).setText(cells.get(c));
    }
  }

  private String t(String key) {
    return Views.text(lang, key);
  }

  private static String text(Object value) {
    return value == null ? "–" : String.valueOf(value);
  }

  private String number(Object value) {
    return value instanceof Number n ? Views.number(n, lang) : "–";
  }

  private static String percent(Object value) {
    return value instanceof Number n ? Math.round(n.doubleValue() * 100) + "%" : "–";
  }
}
