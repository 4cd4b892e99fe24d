package org.kenes.common;

/** The request is well formed but clashes with the state of the study (an id taken, a round closed). */
public final class Conflict extends KenesException {

  public Conflict(String message) {
    super(message);
  }

  private Conflict(Problem wording) {
    super(wording);
  }

  /** A conflict worded by the bundles' {@code key}, so that a page can say it in its reader's language. */
  public static Conflict worded(String key, Object... args) {
    return new Conflict(Problem.worded("", key, args));
  }

  @Override
  public int status() {
    return 409;
  }
}
