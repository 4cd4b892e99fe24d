package org.kenes.report;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.study.Attribute;
import org.kenes.study.Study;

/**
 * A filter of results by a participant attribute: a choice's option ({@code value}), or a number's range
 * ({@code min}, {@code max}, either or both, inclusive).
 */
public record AttributeFilter(Attribute attribute, String value, Integer min, Integer max) {

  /** The filter a query asks for; {@link Invalid} naming the parameter otherwise. */
  public static AttributeFilter of(Study study, Map<String, String> query) {
    String id = query.get("attribute");
    Attribute attribute = id == null ? null : study.attribute(id).orElse(null);
    if (attribute == null) {
      throw new Invalid(List.of(Problem.worded("attribute", "problem.attribute.unknown")));
    }
    if (attribute.type() == Attribute.Type.CHOICE) {
      String value = query.get("value");
      if (value == null || attribute.option(value).isEmpty()) {
        throw new Invalid(List.of(Problem.worded("value", "problem.attribute.value")));
      }
      return new AttributeFilter(attribute, value, null, null);
    }
    Integer min = bound(attribute, query.get("min"), "min");
    Integer max = bound(attribute, query.get("max"), "max");
    if (min == null && max == null || min != null && max != null && min > max) {
      throw new Invalid(List.of(Problem.worded(min == null ? "min" : "max", "problem.attribute.value")));
    }
    return new AttributeFilter(attribute, null, min, max);
  }

  private static Integer bound(Attribute attribute, String given, String name) {
    if (given == null || given.isBlank()) {
      return null;
    }
    return attribute.value(given).map(v -> (Integer) v)
        .orElseThrow(() -> new Invalid(List.of(Problem.worded(name, "problem.attribute.value"))));
  }

  /** Whether a participant's attribute values pass the filter; one without a value never does. */
  public boolean selects(Map<String, Object> values) {
    Object v = values.get(attribute.id());
    if (v == null) {
      return false;
    }
    if (value != null) {
      return value.equals(v);
    }
    int n = ((Number) v).intValue();
    return (min == null || n >= min) && (max == null || n <= max);
  }

  public JsonObject json() {
    return new JsonObject().put("attribute", attribute.id()).put("value", value).put("min", min).put("max", max);
  }
}
