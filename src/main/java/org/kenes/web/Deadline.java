package org.kenes.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.kenes.common.Invalid;

/** A round's deadline as the API (an ISO instant) or the console's form (a UTC date and time) gives it. */
public final class Deadline {

  private Deadline() {}

  /** Null for none; {@link Invalid} at {@code closesAt} for anything but an instant or a UTC local date-time. */
  public static Instant parse(Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new Invalid("closesAt", "must be a date and time such as 2026-12-01T12:00:00Z");
    }
    try {
      return Instant.parse(s.trim());
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s.trim()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new Invalid("closesAt", "must be a date and time such as 2026-12-01T12:00:00Z");
      }
    }
  }
}
