package org.kenes.common;

public final class NotFound extends KenesException {

  public NotFound(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 404;
  }
}
