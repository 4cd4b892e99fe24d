package org.kenes;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for what happens in the background (a round closed by its deadline, mail delivered, an event streamed):
 * checked again and again until it comes true, for as long as a loaded two-core CI machine may need. A test that
 * passes waits only as long as the thing takes.
 */
public final class Wait {

  /** How long anything a test waits for may take before the test fails. */
  public static final Duration PATIENCE = Duration.ofSeconds(60);

  private Wait() {}

  /** Returns once {@code condition} holds; fails, saying {@code what} was awaited, after {@link #PATIENCE}. */
  public static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s in vain for: " + what);
      }
      Thread.sleep(100);
    }
  }
}
