package org.kenes.participant;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.common.Spreadsheet;
import org.kenes.common.Texts;
import org.kenes.study.Attribute;
import org.kenes.study.Study;

/**
 * Reads people to add from a JSON array, or a CSV or XLSX spreadsheet with the columns
 * {@code name,email,panel,language}, optionally {@code pilot} (JSON: {@code true} or {@code false}; a spreadsheet's
 * cell: {@code true}, {@code yes}, {@code 1}, or {@code false}, {@code no}, {@code 0}, empty), and a column for each
 * participant attribute of the study, named by its id (in JSON, an object {@code attributes}).
 */
public final class ParticipantReader {

  /**
   * An address as mail servers take it: no spaces, separators, control or format characters anywhere (a line break
   * in an address would add a header to the message; a bidi control would show another address than the real one).
   */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Z}\\p{Cc}\\p{Cf}]+@[^@\\s\\p{Z}\\p{Cc}\\p{Cf}]+"
      + "\\.[^@\\s\\p{Z}\\p{Cc}\\p{Cf}]+");
  private static final int MAX_EMAIL = 254;
  static final int MAX_TEXT = 200;
  private static final Set<String> COLUMNS = Set.of("name", "email", "panel", "language", "pilot");

  private final Study study;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> emails = new HashSet<>();
  /** Cells of a spreadsheet are texts: there a pilot mark is a word; in JSON it must be a boolean. */
  private final boolean table;

  private ParticipantReader(Study study, boolean table) {
    this.study = study;
    this.table = table;
  }

  public static List<NewParticipant> json(Study study, String body) {
    ParticipantReader reader = new ParticipantReader(study, false);
    JsonArray array;
    try {
      array = new JsonArray(body);
    } catch (DecodeException | ClassCastException e) {
      throw new Invalid("", "the body must be a JSON array of {name, email, panel, language, pilot}");
    }
    List<NewParticipant> people = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object element = array.getValue(i);
      if (!(element instanceof JsonObject o)) {
        reader.problems.add(Problem.worded("[" + i + "]", "problem.participant.object"));
        continue;
      }
      people.add(reader.person("[" + i + "].", o.getMap()));
    }
    return reader.result(people);
  }

  /** A CSV with the columns {@code name,email,panel,language}; a problem is reported by its line. */
  public static List<NewParticipant> csv(Study study, String body) {
    return table(study, Spreadsheet.csv(body), "line");
  }

  /** An uploaded spreadsheet, CSV or XLSX (its first sheet), with the same columns; XLSX problems name the row. */
  public static List<NewParticipant> spreadsheet(Study study, byte[] file) {
    return Spreadsheet.isXlsx(file) ? table(study, Spreadsheet.xlsx(file), "row") : csv(study, Spreadsheet.text(file));
  }

  private static List<NewParticipant> table(Study study, Spreadsheet.Table table, String unit) {
    if (!table.header().contains("panel")) {
      throw Invalid.worded(unit + " 1", "problem.participant.header");
    }
    ParticipantReader reader = new ParticipantReader(study, true);
    List<NewParticipant> people = new ArrayList<>();
    for (Spreadsheet.Row row : table.rows()) {
      people.add(reader.person(unit + " " + row.number() + ": ", new HashMap<>(row.cells())));
    }
    return reader.result(people);
  }

  private List<NewParticipant> result(List<NewParticipant> people) {
    if (!problems.isEmpty()) {
      throw new Invalid(problems.size() + " problem(s) in the participants; nobody was added", problems);
    }
    if (people.isEmpty()) {
      throw Invalid.worded("", "problem.participant.none");
    }
    return people;
  }

  /** Whether a text is an email address Kenes sends to. */
  public static boolean isEmail(String text) {
    return text != null && text.length() <= MAX_EMAIL && EMAIL.matcher(text).matches();
  }

  private NewParticipant person(String at, Map<String, Object> fields) {
    String name = Texts.line(text(at, "name", fields.get("name")));
    String email = text(at, "email", fields.get("email"));
    if (email != null) {
      email = email.trim();
      if (!isEmail(email)) {
        problems.add(Problem.worded(at + "email", "problem.participant.email"));
      } else if (!emails.add(email.toLowerCase(Locale.ROOT))) {
        problems.add(Problem.worded(at + "email", "problem.participant.twice"));
      }
    }
    String panel = text(at, "panel", fields.get("panel"));
    if (panel == null) {
      problems.add(Problem.worded(at + "panel", "problem.missing"));
    } else if (study.panel(panel).isEmpty()) {
      problems.add(Problem.worded(at + "panel", "problem.participant.panel", panel, study.panelIds()));
    }
    String language = text(at, "language", fields.get("language"));
    if (language == null) {
      language = study.firstLanguage();
    } else if (!study.languages().contains(language)) {
      problems.add(Problem.worded(at + "language", "problem.text.language", study.languages()));
    }
    boolean pilot = pilot(at, fields.get("pilot"));
    Map<String, Object> attributes = new HashMap<>();
    if (fields.get("attributes") instanceof Map<?, ?> given) {
      given.forEach((k, v) -> attribute(at + "attributes.", String.valueOf(k), v, attributes));
    } else if (fields.get("attributes") != null) {
      problems.add(Problem.worded(at + "attributes", "problem.participant.object"));
    }
    // A spreadsheet gives each attribute in a column of its id.
    fields.keySet().stream().filter(k -> !COLUMNS.contains(k) && !"attributes".equals(k)).sorted().forEach(k -> {
      if (study.attribute(k).isPresent()) {
        attribute(at, k, fields.get(k), attributes);
      } else {
        problems.add(Problem.worded(at + k, "problem.unknown"));
      }
    });
    return new NewParticipant(name, email, panel, language, pilot, attributes);
  }

  private boolean pilot(String at, Object value) {
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    String word = table && value instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : null;
    if (word != null && Set.of("true", "yes", "1").contains(word)) {
      return true;
    }
    if (word == null || !Set.of("false", "no", "0", "").contains(word)) {
      problems.add(Problem.worded(at + "pilot", table ? "problem.participant.pilot" : "problem.boolean"));
    }
    return false;
  }

  /** An attribute value given with a participant: kept as the attribute stores it; an empty cell is none. */
  private void attribute(String at, String id, Object value, Map<String, Object> into) {
    Optional<Attribute> attribute = study.attribute(id);
    if (attribute.isEmpty()) {
      problems.add(Problem.worded(at + id, "problem.attribute.unknown"));
    } else if (value != null && !(value instanceof String s && s.isBlank())) {
      attribute.get().value(value).ifPresentOrElse(v -> into.put(id, v),
          () -> problems.add(Problem.worded(at + id, "problem.attribute.value")));
    }
  }

  private String text(String at, String field, Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      problems.add(Problem.worded(at + field, "problem.text"));
      return null;
    }
    if (s.length() > MAX_TEXT) {
      problems.add(Problem.worded(at + field, "problem.text.tooLong", MAX_TEXT));
    }
    return s.isBlank() ? null : s.trim();
  }
}
