package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The project's accuracy goal: numbers to 1e-9 relative, p-values to 1e-6, of numpy/SciPy's. */
final class Tolerance {
  private Tolerance() {
  }

  static void assertClose(double expected, Double actual) {
    assertWithin(expected, actual, 1e-9);
  }

  static void assertPValue(double expected, Double actual) {
    assertWithin(expected, actual, 1e-6);
  }

  private static void assertWithin(double expected, Double actual, double relative) {
    assertNotNull(actual, () -> "expected " + expected + " but was null");
    assertEquals(expected, actual, relative * Math.abs(expected) + Double.MIN_NORMAL);
  }
}
