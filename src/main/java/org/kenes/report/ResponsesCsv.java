package org.kenes.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerSet;

/** The long responses format of CONTRACT.md: {@code participant,panel,round,item,option,value,comment}, one row an answer. */
public final class ResponsesCsv {

  public static final String[] HEADER = {"participant", "panel", "round", "item", "option", "value", "comment"};

  private ResponsesCsv() {}

  /**
   * Writes the submitted answer sets, by round, pseudonym and item. An open item left blank is no answer (it counts
   * nowhere) and has no row: an empty value without a comment reads as "unable to rate".
   *
   * @param pseudonym the name each participant's answers carry (DESIGN.md: a keyed hash, never the participant's id)
   */
  public static void write(List<AnswerSet> sets, UnaryOperator<String> pseudonym, Appendable out) {
    try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n").get().print(out)) {
      Map<String, String> names = new HashMap<>();
      List<AnswerSet> submitted = sets.stream().filter(AnswerSet::submitted).toList();
      submitted.forEach(set -> names.computeIfAbsent(set.participant(), pseudonym));
      List<AnswerSet> ordered = submitted.stream().sorted(Comparator.comparingInt(AnswerSet::round)
          .thenComparing(set -> names.get(set.participant()))).toList();
      for (AnswerSet set : ordered) {
        for (Map.Entry<String, Answer> e : set.answers().entrySet()) {
          row(printer, names.get(set.participant()), set, e.getKey(), e.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void row(CSVPrinter p, String who, AnswerSet set, String item, Answer answer) throws IOException {
    if (answer instanceof Answer.Rating r) {
      if (!r.rated()) {
        return;
      }
      p.printRecord(who, set.panel(), set.round(), item, "", r.value() == null ? "" : r.value(), cell(r.comment()));
    } else if (answer instanceof Answer.Ranking r) {
      for (int i = 0; i < r.order().size(); i++) {
        p.printRecord(who, set.panel(), set.round(), item, r.order().get(i), r.rank(i), i == 0 ? cell(r.comment()) : "");
      }
    } else if (answer instanceof Answer.OpenText t && !t.text().isBlank()) {
      p.printRecord(who, set.panel(), set.round(), item, "", "", cell(t.text()));
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
