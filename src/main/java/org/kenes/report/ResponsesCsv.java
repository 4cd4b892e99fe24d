package org.kenes.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerSet;

/** The long responses format of CONTRACT.md: {@code participant,panel,round,item,option,value,comment}, one row an answer. */
public final class ResponsesCsv {

  public static final String[] HEADER = {"participant", "panel", "round", "item", "option", "value", "comment"};

  private ResponsesCsv() {}

  /**
   * Writes the submitted answer sets, by round, participant and item. An open item left blank is no answer (it counts
   * nowhere) and has no row: an empty value without a comment reads as "unable to rate".
   */
  public static void write(List<AnswerSet> sets, Appendable out) {
    try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n").get().print(out)) {
      List<AnswerSet> ordered = sets.stream().filter(AnswerSet::submitted)
          .sorted(Comparator.comparingInt(AnswerSet::round).thenComparing(AnswerSet::participant)).toList();
      for (AnswerSet set : ordered) {
        for (Map.Entry<String, Answer> e : set.answers().entrySet()) {
          row(printer, set, e.getKey(), e.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void row(CSVPrinter p, AnswerSet set, String item, Answer answer) throws IOException {
    if (answer instanceof Answer.Rating r) {
      if (!r.rated()) {
        return;
      }
      p.printRecord(set.participant(), set.panel(), set.round(), item, "", r.value() == null ? "" : r.value(),
          cell(r.comment()));
    } else if (answer instanceof Answer.Ranking r) {
      for (int i = 0; i < r.order().size(); i++) {
        p.printRecord(set.participant(), set.panel(), set.round(), item, r.order().get(i), r.rank(i),
            i == 0 ? cell(r.comment()) : "");
      }
    } else if (answer instanceof Answer.OpenText t && !t.text().isBlank()) {
      p.printRecord(set.participant(), set.panel(), set.round(), item, "", "", cell(t.text()));
    }
  }

  /**
   * What a person typed, as a spreadsheet shows it and never runs it: a text that starts like a formula ({@code =},
   * {@code +}, {@code -}, {@code @}, a tab or a carriage return) is written after a quote, as OWASP advises for CSV
   * files, and one that starts with a quote gets a second; {@link #text} reads it back exactly.
   */
  static String cell(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return "=+-@\t\r'".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  /** The text a comment cell of the export stands for (see {@link #cell}). */
  public static String text(String cell) {
    return cell.startsWith("'") ? cell.substring(1) : cell;
  }
}
