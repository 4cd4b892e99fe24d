package org.kenes.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A text a person reads, in each of the study's languages. */
public record Text(Map<String, String> values) {

  public Text {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static Text of(String language, String value) {
    return new Text(Map.of(language, value));
  }

  /** The text in {@code language}, else in the first language that has one. */
  public String in(String language, List<String> fallbacks) {
    String v = values.get(language);
    if (v != null) {
      return v;
    }
    for (String f : fallbacks) {
      if (values.containsKey(f)) {
        return values.get(f);
      }
    }
    return values.values().stream().findFirst().orElse("");
  }
}
