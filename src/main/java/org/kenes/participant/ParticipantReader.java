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
 * {@code name,email,panel,language}, and a column for each participant attribute of the study, named by its id (in
 * JSON, an object {@code attributes}).
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
  private static final Set<String> COLUMNS = Set.of("name", "email", "panel", "language");

  private final Study study;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> emails = new HashSet<>();

  private ParticipantReader(Study study) {
    this.study = study;
  }

  public static List<NewParticipant> json(Study study, String body) {
    ParticipantReader reader = new ParticipantReader(study);
    JsonArray array;
    try {
      array = new JsonArray(body);
    } catch (DecodeException | ClassCastException e) {
      throw new Invalid("", "the body must be a JSON array of {name, email, panel, language}");
    }
    List<NewParticipant> people = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object element = array.getValue(i);
      if (!(element instanceof JsonObject o)) {
        reader.problems.add(new Problem("[" + i + "]", "must be an object"));
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
      throw new Invalid(unit + " 1", "the header must name the columns name,email,panel,language");
    }
    ParticipantReader reader = new ParticipantReader(study);
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
      throw new Invalid("", "no participants given");
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
        problems.add(new Problem(at + "email", "not an email address"));
      } else if (!emails.add(email.toLowerCase(Locale.ROOT))) {
        problems.add(new Problem(at + "email", "appears twice"));
      }
    }
    String panel = text(at, "panel", fields.get("panel"));
    if (panel == null) {
      problems.add(new Problem(at + "panel", "missing"));
    } else if (study.panel(panel).isEmpty()) {
      problems.add(new Problem(at + "panel", "no panel '" + panel + "' in the study " + study.panelIds()));
    }
    String language = text(at, "language", fields.get("language"));
    if (language == null) {
      language = study.firstLanguage();
    } else if (!study.languages().contains(language)) {
      problems.add(new Problem(at + "language", "not one of the study's languages " + study.languages()));
    }
    Map<String, Object> attributes = new HashMap<>();
    if (fields.get("attributes") instanceof Map<?, ?> given) {
      given.forEach((k, v) -> attribute(at + "attributes.", String.valueOf(k), v, attributes));
    } else if (fields.get("attributes") != null) {
      problems.add(new Problem(at + "attributes", "must be an object of attribute ids and values"));
    }
    // A spreadsheet gives each attribute in a column of its id.
    fields.keySet().stream().filter(k -> !COLUMNS.contains(k) && !"attributes".equals(k)).sorted().forEach(k -> {
      if (study.attribute(k).isPresent()) {
        attribute(at, k, fields.get(k), attributes);
      } else {
        problems.add(new Problem(at + k, "unknown field"));
      }
    });
    return new NewParticipant(name, email, panel, language, attributes);
  }

  /** An attribute value given with a participant: kept as the attribute stores it; an empty cell is none. */
  private void attribute(String at, String id, Object value, Map<String, Object> into) {
    Optional<Attribute> attribute = study.attribute(id);
    if (attribute.isEmpty()) {
      problems.add(new Problem(at + id, "not an attribute of the study " + study.attributes().stream()
          .map(Attribute::id).toList()));
    } else if (value != null && !(value instanceof String s && s.isBlank())) {
      attribute.get().value(value).ifPresentOrElse(v -> into.put(id, v),
          () -> problems.add(new Problem(at + id, "not a value of this attribute")));
    }
  }

  private String text(String at, String field, Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      problems.add(new Problem(at + field, "must be a text"));
      return null;
    }
    if (s.length() > MAX_TEXT) {
      problems.add(new Problem(at + field, "at most " + MAX_TEXT + " characters"));
    }
    return s.isBlank() ? null : s.trim();
  }
}
