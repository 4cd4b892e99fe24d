package org.kenes.common;

import java.util.List;

/** A failure the user caused or can act on, with the HTTP status it answers. Anything else is a bug (500). */
public abstract sealed class KenesException extends RuntimeException permits Invalid, NotFound, Conflict, Unauthorized, Forbidden {

  protected KenesException(String message) {
    super(message, null, false, false);
  }

  public abstract int status();

  /** What exactly is wrong, by path, where the failure can say it (the API's {@code details}). */
  public List<Problem> problems() {
    return List.of();
  }
}
