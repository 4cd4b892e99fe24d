package org.kenes.study;

import java.util.List;
import java.util.Optional;

/**
 * A characteristic of a participant that the report describes the panel by (sector, region, years of experience,
 * self-rated expertise): asked once, on the panelist's first visit, or given with the participant list.
 *
 * @param options the choices of a {@code choice} attribute; empty for a number
 * @param min the smallest number allowed, for a {@code number} attribute (null for a choice)
 * @param max the largest number allowed, for a {@code number} attribute (null for a choice)
 * @param required whether a panelist must answer it before the questionnaire; else they may leave it
 */
public record Attribute(String id, Text name, Type type, List<Option> options, Integer min, Integer max,
    boolean required) {

  public Attribute {
    options = List.copyOf(options);
  }

  /** How an attribute is answered. */
  public enum Type {
    CHOICE, NUMBER;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Optional<Option> option(String optionId) {
    return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
  }

  /**
   * The value as stored, from what a person or a file gave: an option id of a choice, an integer within min..max of a
   * number; empty for a value the attribute does not take.
   */
  public Optional<Object> value(Object given) {
    if (type == Type.CHOICE) {
      return given instanceof String s && option(s.strip()).isPresent() ? Optional.of(s.strip()) : Optional.empty();
    }
    Long n = null;
    if (given instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      n = number.longValue();
    } else if (given instanceof String s && s.strip().matches("-?\\d{1,9}")) {
      n = Long.parseLong(s.strip());
    }
    return n != null && n >= min && n <= max ? Optional.of(n.intValue()) : Optional.empty();
  }
}
