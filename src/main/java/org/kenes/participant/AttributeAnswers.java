package org.kenes.participant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.study.Attribute;
import org.kenes.study.Study;

/**
 * A panelist's answers to the study's attribute questions, checked: every value one its attribute takes, every
 * required attribute answered, nothing else; an empty answer ({@code null}, "") to an optional one is none.
 */
public final class AttributeAnswers {

  private AttributeAnswers() {}

  /** The values to store, by attribute id; {@link Invalid} naming every problem ({@code attributes.<id>}). */
  public static Map<String, Object> read(Study study, Map<String, Object> given) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    given.keySet().stream().filter(id -> study.attribute(id).isEmpty()).sorted()
        .forEach(id -> problems.add(Problem.worded("attributes." + id, "problem.attribute.unknown")));
    for (Attribute a : study.attributes()) {
      Object value = given.get(a.id());
      boolean empty = value == null || value instanceof String s && s.isBlank();
      if (empty) {
        if (a.required()) {
          problems.add(Problem.worded("attributes." + a.id(), "problem.attribute.required"));
        }
        continue;
      }
      a.value(value).ifPresentOrElse(v -> values.put(a.id(), v),
          () -> problems.add(Problem.worded("attributes." + a.id(), "problem.attribute.value")));
    }
    if (!problems.isEmpty()) {
      throw new Invalid("some answers about you could not be accepted; nothing was saved", problems);
    }
    return values;
  }
}
