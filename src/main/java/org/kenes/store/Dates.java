package org.kenes.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The store's dates ({@code $currentDate}) as the driver hands them over: {@code {"$date": ...}}. */
public final class Dates {

  private Dates() {}

  /** The moment a stored date stands for; null for none. */
  public static Instant instant(Object value) {
    Object date = value instanceof JsonObject json ? json.getValue("$date") : value;
    if (date instanceof Number ms) {
      return Instant.ofEpochMilli(ms.longValue());
    }
    return date instanceof String text ? Instant.parse(text) : null;
  }
}
