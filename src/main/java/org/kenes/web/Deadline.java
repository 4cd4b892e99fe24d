package org.kenes.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;

/**
 * A moment as the API (an ISO instant) or a console form (a date and time in the account's time zone) gives it: a
 * round's deadline or opening time, a report link's expiry.
 */
public final class Deadline {

  private Deadline() {}

  /** A round's {@code closesAt} from the API: an instant, or a date and time in UTC. */
  public static Instant parse(Object value) {
    return parse(value, "closesAt", ZoneOffset.UTC);
  }

  /** The same for another field ({@code opensAt}), a date and time without a zone read in UTC. */
  public static Instant parse(Object value, String field) {
    return parse(value, field, ZoneOffset.UTC);
  }

  /**
   * Null for none; {@link Invalid} at {@code field} for anything but an instant or a local date and time, which is
   * read in {@code zone}.
   */
  public static Instant parse(Object value, String field, ZoneId zone) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw Invalid.worded(field, "problem.datetime");
    }
    try {
      return Instant.parse(s.trim());
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s.trim()).atZone(zone).toInstant();
      } catch (DateTimeParseException e2) {
        throw Invalid.worded(field, "problem.datetime");
      }
    }
  }
}
