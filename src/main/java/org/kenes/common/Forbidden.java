package org.kenes.common;

/** The caller is known but may not do this (a form without its CSRF token, a facilitator managing accounts). */
public final class Forbidden extends KenesException {

  public Forbidden(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 403;
  }
}
