package org.kenes.common;

/** A failure the user caused or can act on, with the HTTP status it answers. Anything else is a bug (500). */
public abstract sealed class KenesException extends RuntimeException
    permits Invalid, NotFound, Conflict, Unauthorized, Forbidden, TooMany {

  protected KenesException(String message) {
    super(message, null, false, false);
  }

  public abstract int status();
}
