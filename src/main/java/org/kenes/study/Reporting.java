package org.kenes.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What only people know about a study and a journal asks its report to state (ACCORD, DELPHISTAR): the study file's
 * optional {@code reporting} block, each field a text in the study's languages. A field left out is reported as "not
 * reported".
 *
 * @param fields the texts given, by field name, in the order of {@link #FIELDS}
 */
public record Reporting(Map<String, Text> fields) {

  /** The fields, in the order the report states them. */
  public static final List<String> FIELDS = List.of("aim", "audience", "registration", "protocol", "steeringGroup",
      "recruitment", "publicInvolvement", "evidence", "piloting", "qualitativeAnalysis", "ethics", "funding",
      "conflicts", "limitations");
  public static final Reporting NONE = new Reporting(Map.of());

  public Reporting {
    Map<String, Text> ordered = new LinkedHashMap<>();
    for (String f : FIELDS) {
      if (fields.containsKey(f)) {
        ordered.put(f, fields.get(f));
      }
    }
    fields = Collections.unmodifiableMap(ordered);
  }
}
