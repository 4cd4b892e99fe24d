package org.kenes.study;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a study file's {@code attributes}: each an id, a name in the study's languages, a {@code type}
 * ({@code choice} with {@code options}, or {@code number} with {@code min} and {@code max}) and whether it is
 * {@code required}. Problems go to the {@link StudyReader} reading the file, by path.
 */
final class AttributesReader {

  /** At most this many attributes: each is a question before the questionnaire. */
  static final int MAX = 20;
  private static final int NUMBER_LIMIT = 1_000_000_000;
  /** A participant list's own columns: an attribute is given in a column of its id beside them. */
  private static final Set<String> RESERVED = Set.of("name", "email", "panel", "language", "pilot", "attributes");

  private final StudyReader reader;

  AttributesReader(StudyReader reader) {
    this.reader = reader;
  }

  List<Attribute> read(Object value) {
    List<Attribute> attributes = new ArrayList<>();
    List<Object> list = value == null ? List.of() : reader.list("attributes", value);
    if (list == null) {
      return attributes;
    }
    if (list.size() > MAX) {
      reader.problem("attributes", "attributes.tooMany", MAX);
      return attributes;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "attributes[" + i + "]";
      Map<String, Object> m = reader.map(path, list.get(i));
      if (m == null) {
        continue;
      }
      reader.unknown(path, m, Set.of("id", "name", "type", "options", "min", "max", "required"));
      String id = reader.uniqueId(path + ".id", m.get("id"), seen);
      if (RESERVED.contains(id)) {
        reader.problem(path + ".id", "attribute.reserved", id);
      }
      Text name = reader.text(path + ".name", m.get("name"));
      boolean required = m.get("required") != null && reader.bool(path + ".required", m.get("required"));
      String type = reader.string(path + ".type", m.get("type"));
      if ("choice".equals(type)) {
        List<Option> options = options(path, m.get("options"));
        attributes.add(new Attribute(id, name, Attribute.Type.CHOICE, options, null, null, required));
      } else if ("number".equals(type)) {
        int min = reader.integer(path + ".min", m.get("min"), -NUMBER_LIMIT, NUMBER_LIMIT, 0);
        int max = reader.integer(path + ".max", m.get("max"), -NUMBER_LIMIT, NUMBER_LIMIT, 0);
        if (min >= max && m.get("min") != null && m.get("max") != null) {
          reader.problem(path + ".max", "attribute.range");
        }
        attributes.add(new Attribute(id, name, Attribute.Type.NUMBER, List.of(), min, max, required));
      } else if (type != null) {
        reader.problem(path + ".type", "attribute.type");
      }
    }
    return attributes;
  }

  private List<Option> options(String path, Object value) {
    List<Option> options = new ArrayList<>();
    List<Object> list = reader.list(path + ".options", value);
    if (list == null) {
      return options;
    }
    if (list.size() < 2) {
      reader.problem(path + ".options", "attribute.options");
    }
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < list.size(); k++) {
      String at = path + ".options[" + k + "]";
      Map<String, Object> m = reader.map(at, list.get(k));
      if (m != null) {
        reader.unknown(at, m, Set.of("id", "text"));
        options.add(new Option(reader.uniqueId(at + ".id", m.get("id"), seen),
            reader.text(at + ".text", m.get("text"))));
      }
    }
    return options;
  }
}
