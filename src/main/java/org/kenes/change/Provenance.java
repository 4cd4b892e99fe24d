package org.kenes.change;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kenes.common.Problem;
import org.kenes.common.Texts;

/** Where a change came from and why: {@code {"change", "from": [...], "note"}}, read with its problems by path. */
record Provenance(String change, List<String> from, String note) {

  static final int MAX_NOTE = 2000;

  static Provenance read(Object value, Set<String> allowed, List<Problem> problems) {
    if (!(value instanceof JsonObject p)) {
      problems.add(new Problem("provenance", "required: {\"change\", \"from\": [...], \"note\"}"));
      return null;
    }
    p.fieldNames().stream().filter(k -> !Set.of("change", "from", "note").contains(k)).sorted()
        .forEach(k -> problems.add(new Problem("provenance." + k, "unknown field")));
    String change = p.getValue("change") instanceof String s ? s : null;
    if (change == null || !allowed.contains(change)) {
      problems.add(new Problem("provenance.change", "must be one of " + new java.util.TreeSet<>(allowed)));
    }
    List<String> from = new ArrayList<>();
    Object rawFrom = p.getValue("from");
    if (rawFrom instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.getValue(i) instanceof String s && !s.isBlank()) {
          if (!from.contains(s)) {
            from.add(s);
          }
        } else {
          problems.add(new Problem("provenance.from[" + i + "]", "must be an item or open-answer id"));
        }
      }
    } else if (rawFrom != null) {
      problems.add(new Problem("provenance.from", "must be a list of item or open-answer ids"));
    }
    String note = p.getValue("note") instanceof String s ? Texts.clean(s).strip() : null;
    if (note == null || note.isEmpty()) {
      problems.add(new Problem("provenance.note", "required: say why"));
    } else if (note.length() > MAX_NOTE) {
      problems.add(new Problem("provenance.note", "at most " + MAX_NOTE + " characters"));
    }
    return new Provenance(change, from, note);
  }
}
