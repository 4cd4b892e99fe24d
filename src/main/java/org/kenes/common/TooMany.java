package org.kenes.common;

/**
 * More of something at once than Kenes serves (live streams of one account, reports being laid out): answers 429, with
 * when to try again.
 */
public final class TooMany extends KenesException {

  private final int retryAfterSeconds;

  public TooMany(String message, int retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public int status() {
    return 429;
  }
}
