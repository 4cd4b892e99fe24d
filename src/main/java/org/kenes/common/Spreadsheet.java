package org.kenes.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * A table of rows under a header, read from a CSV text (comma, semicolon or tab, as spreadsheet programs save it in
 * different countries; a UTF-8 byte-order mark ignored) or from the first sheet of an XLSX workbook (fastexcel).
 * Row numbers are the spreadsheet's: the header is row 1. Blank rows are left out; every cell is text, trimmed,
 * an empty cell absent.
 */
public final class Spreadsheet {

  /** What an XLSX may unpack to at most: its parts are XML, a few times the size of the 1 MB upload. */
  private static final long MAX_UNPACKED = 48L * 1024 * 1024;
  private static final int MAX_ROWS = 20_000;
  private static final int MAX_COLUMNS = 200;

  /** One row: its number in the spreadsheet and its cells by the header's column names. */
  public record Row(int number, Map<String, String> cells) {}

  /** The header's column names (trimmed, as written) and the rows under it. */
  public record Table(List<String> header, List<Row> rows) {}

  private Spreadsheet() {}

  /** Whether bytes are an XLSX workbook (a zip package) rather than text. */
  public static boolean isXlsx(byte[] bytes) {
    return bytes.length >= 8 && ReadableWorkbook.isOOXMLZipHeader(bytes);
  }

  /** A CSV or XLSX file as a table, whichever the bytes are; {@link Invalid} naming what cannot be read. */
  public static Table read(byte[] bytes) {
    return isXlsx(bytes) ? xlsx(bytes) : csv(utf8(bytes));
  }

  public static Table csv(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(body)).setTrim(true)
        .setIgnoreEmptyLines(true).get();
    List<List<String>> lines = new ArrayList<>();
    try (CSVParser parser = format.parse(new StringReader(body))) {
      for (CSVRecord record : parser) {
        lines.add(record.toList());
        limit(lines.size(), record.size());
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      throw unreadable("csv", e.getMessage());
    }
    return table(lines, null);
  }

  public static Table xlsx(byte[] bytes) {
    checkUnpacked(bytes);
    List<List<String>> lines = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    try (InputStream in = new ByteArrayInputStream(bytes); ReadableWorkbook workbook = new ReadableWorkbook(in);
        var rows = workbook.getFirstSheet().openStream()) {
      rows.forEach(row -> {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getCellCount(); c++) {
          cells.add(row.getOptionalCell(c).map(cell -> cell.getRawValue() == null ? "" : cell.getText()).orElse("")
              .strip());
        }
        lines.add(cells);
        numbers.add(row.getRowNum());
        limit(lines.size(), cells.size());
      });
    } catch (IOException | RuntimeException e) {
      if (e instanceof Invalid invalid) {
        throw invalid;
      }
      throw unreadable("xlsx", e.getMessage());
    }
    return table(lines, numbers);
  }

  /** The first line says which delimiter the file uses: the one it has most of, outside quotes. */
  private static char delimiter(String text) {
    int end = text.indexOf('\n');
    String first = end < 0 ? text : text.substring(0, end);
    char best = ',';
    long most = first.chars().filter(c -> c == ',').count();
    for (char candidate : new char[] {';', '\t'}) {
      long count = first.chars().filter(c -> c == candidate).count();
      if (count > most) {
        best = candidate;
        most = count;
      }
    }
    return best;
  }

  private static Table table(List<List<String>> lines, List<Integer> numbers) {
    int headerAt = 0;
    while (headerAt < lines.size() && blank(lines.get(headerAt))) {
      headerAt++;
    }
    if (headerAt == lines.size()) {
      throw new Invalid(List.of(Problem.worded("", "problem.sheet.empty")));
    }
    List<String> header = lines.get(headerAt).stream().map(String::strip).toList();
    List<Row> rows = new ArrayList<>();
    for (int i = headerAt + 1; i < lines.size(); i++) {
      List<String> line = lines.get(i);
      if (blank(line)) {
        continue;
      }
      int number = numbers == null ? i + 1 : numbers.get(i);
      Map<String, String> cells = new LinkedHashMap<>();
      for (int c = 0; c < line.size(); c++) {
        String value = line.get(c).strip();
        if (c >= header.size() || header.get(c).isEmpty()) {
          if (!value.isEmpty()) {
            throw new Invalid(List.of(Problem.worded("row " + number, "problem.sheet.noHeader", column(c))));
          }
        } else if (!value.isEmpty()) {
          cells.put(header.get(c), value);
        }
      }
      rows.add(new Row(number, cells));
    }
    return new Table(header, rows);
  }

  /** A column as a spreadsheet names it: A, B, …, Z, AA. */
  public static String column(int index) {
    StringBuilder name = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      name.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return name.toString();
  }

  private static boolean blank(List<String> line) {
    return line.stream().allMatch(String::isBlank);
  }

  private static void limit(int rows, int columns) {
    if (rows > MAX_ROWS || columns > MAX_COLUMNS) {
      throw new Invalid(List.of(Problem.worded("", "problem.sheet.large", MAX_ROWS, MAX_COLUMNS)));
    }
  }

  /** A crafted workbook can unpack to far more than it weighs: counted before it is read. */
  private static void checkUnpacked(byte[] bytes) {
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    // Commons Compress, as the workbook reader: it takes the entries that writers stream with a data descriptor.
    try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes), "UTF-8", true, true)) {
      while (zip.getNextEntry() != null) {
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
          total += n;
          if (total > MAX_UNPACKED) {
            throw new Invalid(List.of(Problem.worded("", "problem.sheet.unpacked")));
          }
        }
      }
    } catch (IOException e) {
      throw unreadable("xlsx", e.getMessage());
    }
  }

  /** A CSV file's bytes as text: UTF-8, or {@link Invalid} asking for it (not the system's code page). */
  public static String text(byte[] bytes) {
    return utf8(bytes);
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new Invalid(List.of(Problem.worded("", "problem.sheet.encoding")));
    }
  }

  private static Invalid unreadable(String kind, String why) {
    return new Invalid(List.of(Problem.worded("", "problem.sheet.unreadable", kind.toUpperCase(Locale.ROOT),
        why == null ? "" : why.lines().findFirst().orElse(""))));
  }
}
