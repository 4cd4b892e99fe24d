package org.kenes.common;

import java.util.List;
import java.util.Optional;

/** A failure the user caused or can act on, with the HTTP status it answers. Anything else is a bug (500). */
public abstract sealed class KenesException extends RuntimeException
    permits Invalid, NotFound, Conflict, Unauthorized, Forbidden, TooMany, Unavailable {

  private final Problem wording;

  protected KenesException(String message) {
    super(message, null, false, false);
    this.wording = null;
  }

  /** A failure worded by the bundles: its message is the English text. */
  protected KenesException(Problem wording) {
    super(wording.message(), null, false, false);
    this.wording = wording;
  }

  /** The bundles' key and arguments of its message, when it has them (see {@link Problem#worded}). */
  public Optional<Problem> wording() {
    return Optional.ofNullable(wording);
  }

  public abstract int status();

  /** What exactly is wrong, by path, where the failure can say it (the API's {@code details}). */
  public List<Problem> problems() {
    return List.of();
  }
}
