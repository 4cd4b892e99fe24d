package org.kenes.common;

/**
 * Kenes could not do it in time, and did nothing that counts (a save not acknowledged within its lease): answers 503,
 * with when to try again.
 */
public final class Unavailable extends KenesException {

  public Unavailable(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 503;
  }
}
