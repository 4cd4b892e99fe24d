package org.kenes.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.common.Spreadsheet;

/** Items from a spreadsheet, CSV or XLSX: merged into the definition, or refused whole with each problem by row. */
public class ItemSheetTest {

  private static Study small() throws IOException {
    try (InputStream in = ItemSheetTest.class.getResourceAsStream("/studies/small.yaml")) {
      return StudyFormat.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** A workbook as a spreadsheet program would save it: cells as given, numbers where a row has a number. */
  public static byte[] xlsx(List<List<Object>> rows) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(bytes, "test", null);
    Worksheet sheet = workbook.newWorksheet("Sheet1");
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).size(); c++) {
        Object v = rows.get(r).get(c);
        if (v instanceof Number n) {
          sheet.value(r, c, n);
        } else if (v != null) {
          sheet.value(r, c, (String) v);
        }
      }
    }
    workbook.finish();
    return bytes.toByteArray();
  }

  private static List<String> paths(Invalid invalid) {
    return invalid.problems().stream().map(Problem::path).toList();
  }

  @Test
  @DisplayName("a CSV saved by a Russian spreadsheet (semicolons, a byte-order mark) adds and updates items")
  void csvWithSemicolons() throws Exception {
    String csv = "\uFEFFid;type;category;text.en;text.ru;options;options.en;options.ru\r\n"
        + "strategy;rating;governance;A strategy with targets;Стратегия с целями;;;\r\n"
        + "waits;;practice;\"Publish waiting times; every month\";Публиковать сроки ожидания;;;\r\n"
        + "first;ranking;;What first?;Что первым?;\"a\nb\";\"Audit\nFeedback\";\"Аудит\nОбратная связь\"\r\n";
    ItemSheet.Imported imported = ItemSheet.read(small(), Spreadsheet.read(csv.getBytes("UTF-8")));
    assertEquals(2, imported.added());
    assertEquals(1, imported.updated());
    Study study = StudyFormat.read(imported.definition().encode());
    assertEquals("Стратегия с целями", study.item("strategy").orElseThrow().text().values().get("ru"));
    assertEquals(0, study.items().indexOf(study.item("strategy").orElseThrow()), "updated where it stood");
    assertEquals("Publish waiting times; every month", study.item("waits").orElseThrow().text().values().get("en"));
    assertEquals(ItemType.RATING, study.item("waits").orElseThrow().type(), "rating by default");
    Item first = study.item("first").orElseThrow();
    assertEquals(List.of("a", "b"), first.optionIds());
    assertEquals("Обратная связь", first.options().get(1).text().values().get("ru"));
    assertEquals(8, study.items().size());
  }

  @Test
  @DisplayName("the items written as XLSX read back as the same items; a row without an id gets one")
  void xlsxRoundTrip() throws Exception {
    Study study = small();
    byte[] workbook = ItemSheet.xlsx(study, "items", "help", List.of("How to fill it in", "One row per item"));
    ItemSheet.Imported same = ItemSheet.read(study, Spreadsheet.read(workbook));
    assertEquals(0, same.added());
    assertEquals(study.items(), StudyFormat.read(same.definition().encode()).items());
    assertEquals(study.items(), StudyFormat.read(ItemSheet.read(study, Spreadsheet.csv(ItemSheet.csv(study)))
        .definition().encode()).items(), "and as CSV");

    byte[] typed = xlsx(List.of(List.of("type", "text.en", "text.ru"), List.of("rating", "New", "Новый"),
        List.of("open", 42, "Сорок два")));
    Study merged = StudyFormat.read(ItemSheet.read(study, Spreadsheet.read(typed)).definition().encode());
    assertEquals("New", merged.item("item-7").orElseThrow().text().values().get("en"));
    assertEquals("42", merged.item("item-8").orElseThrow().text().values().get("en"), "a number cell as text");
  }

  @Test
  @DisplayName("a broken XLSX is refused whole, each problem at its row and column")
  void brokenXlsx() throws Exception {
    byte[] broken = xlsx(List.of(
        List.of("id", "type", "text.en", "text.ru", "options.en", "options.ru"),
        List.of("good", "rating", "Good", "Хороший"),
        List.of("bad id", "poll", "Bad", "Плохой"),
        List.of("rank", "ranking", "Rank", "Ранг", "A\nB\nC", "А\nБ"),
        List.of("good", "rating", "Again", "Снова")));
    Invalid invalid = assertThrows(Invalid.class, () -> ItemSheet.read(small(), Spreadsheet.read(broken)));
    assertEquals(List.of("row 4: options.ru", "row 5: id", "row 3: id", "row 3: type"), paths(invalid),
        invalid.problems().toString());
    assertTrue(invalid.getMessage().contains("no item was imported"));
    assertEquals("должно быть одно из: rating, ranking, open", invalid.problems().get(3).message("ru"));

    Invalid header = assertThrows(Invalid.class, () -> ItemSheet.read(small(), Spreadsheet.read(xlsx(List.of(
        List.of("id", "text.en", "text.kk"), List.of("x", "X", "Х"))))));
    assertEquals(List.of("row 1: text.kk"), paths(header));
  }

  @Test
  @DisplayName("a broken CSV is refused whole: a ranking with one option, a category of none, text in no header")
  void brokenCsv() throws Exception {
    Study study = StudyFormat.read(StudyFormat.toYaml(small()) + "categories:\n"
        + "  - {id: governance, name: {en: Governance, ru: Управление}}\n"
        + "  - {id: practice, name: {en: Practice, ru: Практика}}\n"
        + "  - {id: financing, name: {en: Financing, ru: Финансы}}\n");
    String csv = "id,type,category,text.en,text.ru,options.en\n"
        + "one,ranking,,One,Один,Only\n"
        + "two,rating,nowhere,Two,Два\n"
        + "three,rating,,Three,Три,,extra\n";
    Invalid invalid = assertThrows(Invalid.class, () -> ItemSheet.read(study, Spreadsheet.read(csv.getBytes("UTF-8"))));
    assertEquals(List.of("row 4"), paths(invalid), "a value without a header stops the reading");
    Invalid rows = assertThrows(Invalid.class, () -> ItemSheet.read(study, Spreadsheet.read(
        csv.replace(",,extra", "").getBytes("UTF-8"))));
    assertEquals(List.of("row 2: options.en", "row 3: category"), paths(rows));
  }

  @Test
  @DisplayName("a CSV that is not UTF-8, an empty sheet and a zip bomb are refused with a message, not read")
  void unreadable() throws Exception {
    Invalid latin = assertThrows(Invalid.class, () -> Spreadsheet.read("id,text.en\nx,caf\u00e9\n"
        .getBytes("ISO-8859-1")));
    assertTrue(latin.problems().get(0).message().contains("UTF-8"));
    assertThrows(Invalid.class, () -> Spreadsheet.read("\n\n".getBytes("UTF-8")));
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 60; i++) {
        zip.write(zeros);
      }
    }
    Invalid big = assertThrows(Invalid.class, () -> Spreadsheet.read(bomb.toByteArray()));
    assertTrue(big.problems().get(0).message().contains("48 MB"), big.problems().toString());
    assertEquals(Map.of("id", "x"), Spreadsheet.csv("id,text.en\nx,\n").rows().get(0).cells(), "empty cells absent");
  }
}
