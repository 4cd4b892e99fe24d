package org.kenes.study;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.common.Spreadsheet;

/**
 * A study's items as a spreadsheet, one row per item, and back: columns {@code id, type, category}, {@code text.LANG}
 * for each of the study's languages, and for a ranking item {@code options} (the options' ids, one per line of the
 * cell; optional) and {@code options.LANG} (their texts, one per line, in the same order in every language).
 *
 * <p>Imported rows are merged into the definition: a row whose id the study has replaces that item where it stands,
 * others are added at the end, and the whole is read by the study reader; a problem is reported by its row and
 * column, and then nothing is imported.
 */
public final class ItemSheet {

  private static final Pattern ITEM_PATH = Pattern.compile("items\\[(\\d+)](?:\\.(.*))?");
  private static final Pattern OPTION_PATH = Pattern.compile("options\\[\\d+](?:\\.(id|text)(?:\\.(.+))?)?");

  private ItemSheet() {}

  /** What an import did, with the definition to store. */
  public record Imported(JsonObject definition, int added, int updated) {

    /** What the audit says of it, whether it came through the API or the console. */
    public String summary() {
      return added + " added, " + updated + " updated";
    }
  }

  /** The columns of the format, in order, for a study's languages. */
  public static List<String> columns(List<String> languages) {
    List<String> columns = new ArrayList<>(List.of("id", "type", "category"));
    languages.forEach(l -> columns.add("text." + l));
    columns.add("options");
    languages.forEach(l -> columns.add("options." + l));
    return columns;
  }

  /** The study's definition with the table's items merged in; {@link Invalid} with every problem by row and column. */
  public static Imported read(Study study, Spreadsheet.Table table) {
    List<String> columns = columns(study.languages());
    List<Problem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String column : table.header()) {
      if (!column.isEmpty() && !columns.contains(column)) {
        problems.add(Problem.worded("row 1: " + column, "problem.sheet.column", String.join(", ", columns)));
      } else if (!column.isEmpty() && !seen.add(column)) {
        problems.add(Problem.worded("row 1: " + column, "problem.sheet.twice"));
      }
    }
    if (table.rows().isEmpty()) {
      problems.add(Problem.worded("", "problem.sheet.noRows"));
    }
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    JsonObject definition = StudyFormat.toJson(study);
    JsonArray items = new JsonArray(new ArrayList<>(definition.getJsonArray("items").getList()));
    definition.put("items", items);
    Map<Integer, Spreadsheet.Row> rowOf = new HashMap<>();
    Set<String> fileIds = new HashSet<>();
    int added = 0;
    for (Spreadsheet.Row row : table.rows()) {
      JsonObject item = item(study, row, items, fileIds, problems);
      int at = indexOf(items, item.getString("id"));
      if (at < 0) {
        at = items.size();
        items.add(item);
        added++;
      } else {
        items.set(at, item);
      }
      rowOf.put(at, row);
    }
    StudyReader.Reading reading = StudyReader.draft(StudyFormat.plain(definition));
    for (Problem p : reading.problems()) {
      Matcher m = ITEM_PATH.matcher(p.path());
      Spreadsheet.Row row = m.matches() ? rowOf.get(Integer.parseInt(m.group(1))) : null;
      problems.add(row == null ? p : p.at("row " + row.number() + ": " + column(m.group(2), study, table)));
    }
    if (!problems.isEmpty()) {
      throw new Invalid(problems.size() + " problem(s) in the spreadsheet; no item was imported", problems);
    }
    return new Imported(definition, added, table.rows().size() - added);
  }

  private static JsonObject item(Study study, Spreadsheet.Row row, JsonArray items, Set<String> fileIds,
      List<Problem> problems) {
    Map<String, String> cells = row.cells();
    String id = cells.get("id");
    if (id == null) {
      id = freeId(items, fileIds);
    } else if (!fileIds.add(id)) {
      problems.add(Problem.worded("row " + row.number() + ": id", "problem.id.duplicate", id));
    }
    fileIds.add(id);
    JsonObject item = new JsonObject().put("id", id)
        .put("type", cells.getOrDefault("type", ItemType.RATING.key()).toLowerCase(Locale.ROOT));
    if (cells.containsKey("category")) {
      item.put("category", cells.get("category"));
    }
    JsonObject text = new JsonObject();
    study.languages().stream().filter(l -> cells.containsKey("text." + l))
        .forEach(l -> text.put(l, cells.get("text." + l)));
    item.put("text", text);
    List<String> ids = lines(cells.get("options"));
    Map<String, List<String>> texts = new HashMap<>();
    int count = ids.size();
    for (String l : study.languages()) {
      texts.put(l, lines(cells.get("options." + l)));
      count = Math.max(count, texts.get(l).size());
    }
    if (count == 0) {
      return item;
    }
    for (String column : columns(study.languages())) {
      List<String> given = "options".equals(column) ? ids
          : column.startsWith("options.") ? texts.get(column.substring(8)) : null;
      if (given != null && !given.isEmpty() && given.size() != count) {
        problems.add(Problem.worded("row " + row.number() + ": " + column, "problem.sheet.optionCount", given.size(), count));
      }
    }
    JsonArray options = new JsonArray();
    for (int k = 0; k < count; k++) {
      JsonObject optionText = new JsonObject();
      for (String l : study.languages()) {
        if (k < texts.get(l).size()) {
          optionText.put(l, texts.get(l).get(k));
        }
      }
      options.add(new JsonObject().put("id", k < ids.size() ? ids.get(k) : "o" + (k + 1)).put("text", optionText));
    }
    return item.put("options", options);
  }

  /** The column a reader's path within an item stands for. */
  private static String column(String within, Study study, Spreadsheet.Table table) {
    if (within == null) {
      return "id";
    }
    if (within.equals("text")) {
      return "text." + study.firstLanguage();
    }
    Matcher option = OPTION_PATH.matcher(within);
    if (within.equals("options") || option.matches()) {
      String language = option.matches() ? option.group(2) : null;
      if (language != null) {
        return "options." + language;
      }
      boolean idColumn = option.matches() && "id".equals(option.group(1)) || table.header().contains("options");
      return idColumn ? "options" : "options." + study.firstLanguage();
    }
    return within;
  }

  private static int indexOf(JsonArray items, String id) {
    for (int i = 0; i < items.size(); i++) {
      if (id.equals(items.getJsonObject(i).getString("id"))) {
        return i;
      }
    }
    return -1;
  }

  /** An id for a row that gives none: {@code item-N}, the first N not taken. */
  private static String freeId(JsonArray items, Set<String> taken) {
    Set<String> used = new HashSet<>(taken);
    items.forEach(i -> used.add(((JsonObject) i).getString("id")));
    for (int n = items.size() + 1; ; n++) {
      if (!used.contains("item-" + n)) {
        return "item-" + n;
      }
    }
  }

  private static List<String> lines(String cell) {
    return cell == null ? List.of()
        : cell.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** The study's items (retired ones left out) as rows of the format, header first. */
  public static List<List<String>> rows(Study study) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(columns(study.languages()));
    for (Item item : study.items()) {
      if (item.retired()) {
        continue;
      }
      List<String> row = new ArrayList<>(List.of(item.id(), item.type().key(),
          item.category() == null ? "" : item.category()));
      study.languages().forEach(l -> row.add(item.text().values().getOrDefault(l, "")));
      row.add(String.join("\n", item.optionIds()));
      study.languages().forEach(l -> row.add(String.join("\n", item.options().stream()
          .map(o -> o.text().values().getOrDefault(l, "")).toList())));
      rows.add(row);
    }
    return rows;
  }

  /** The rows as a CSV file. */
  public static String csv(Study study) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      for (List<String> row : rows(study)) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * The rows as an XLSX workbook: the items on the first sheet (the one an import reads), and a second sheet with
   * {@code help}, a line per row, saying how to fill it in.
   */
  public static byte[] xlsx(Study study, String itemsSheet, String helpSheet, List<String> help) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(bytes, "Kenes", null);
      Worksheet items = workbook.newWorksheet(itemsSheet);
      List<List<String>> rows = rows(study);
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < rows.get(r).size(); c++) {
          items.value(r, c, rows.get(r).get(c));
          style(items, r, c);
        }
      }
      for (int c = 0; c < rows.get(0).size(); c++) {
        items.width(c, rows.get(0).get(c).startsWith("text.") || rows.get(0).get(c).startsWith("options.") ? 50 : 14);
      }
      items.freezePane(0, 1);
      Worksheet sheet = workbook.newWorksheet(helpSheet);
      sheet.width(0, 120);
      for (int r = 0; r < help.size(); r++) {
        sheet.value(r, 0, help.get(r));
        style(sheet, r, 0);
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Text wrapped (options are one per line), the first row bold. */
  private static void style(Worksheet sheet, int r, int c) {
    var style = sheet.style(r, c).wrapText(true).verticalAlignment("top");
    (r == 0 ? style.bold() : style).set();
  }
}
