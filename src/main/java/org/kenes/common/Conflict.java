package org.kenes.common;

/** The request is well formed but clashes with the state of the study (an id taken, a round closed). */
public final class Conflict extends KenesException {

  public Conflict(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 409;
  }
}
