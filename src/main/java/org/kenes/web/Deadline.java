package org.kenes.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;

/**
 * A round's deadline or opening time as the API (an ISO instant) or the console's form (a UTC date and time) gives it.
 */
public final class Deadline {

  private Deadline() {}

  /** Null for none; {@link Invalid} at {@code closesAt} for anything but an instant or a UTC local date-time. */
  public static Instant parse(Object value) {
    return parse(value, "closesAt");
  }

  /** The same for another field ({@code opensAt}). */
  public static Instant parse(Object value, String field) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new Invalid(List.of(Problem.of(field, "instant")));
    }
    try {
      return Instant.parse(s.trim());
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s.trim()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new Invalid(List.of(Problem.of(field, "instant")));
      }
    }
  }
}
