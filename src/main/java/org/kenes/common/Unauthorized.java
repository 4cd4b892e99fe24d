package org.kenes.common;

public final class Unauthorized extends KenesException {

  public Unauthorized(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 401;
  }
}
