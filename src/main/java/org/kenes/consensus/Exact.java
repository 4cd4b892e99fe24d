package org.kenes.consensus;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Exact arithmetic for every comparison with a threshold (CONSENSUS.md): counts, quantiles of integer ratings and
 * the RAND/UCLA terms are rational numbers, and a study's thresholds are decimals, so a verdict never depends on how
 * binary floating point rounds (7/10 meets 0.70 for every n; IPR = IPRAS is no disagreement).
 */
final class Exact {
  private Exact() {
  }

  /**
   * The decimal a threshold was written as: {@link Double#toString} gives the shortest decimal that reads back as the
   * same double, which for a study file's 0.70 or 1.5 is that very decimal (0.7, 1.5), not the binary fraction
   * nearest to it.
   */
  static BigFraction decimal(double value) {
    BigDecimal decimal = BigDecimal.valueOf(value);
    if (decimal.scale() <= 0) {
      return new BigFraction(decimal.toBigIntegerExact());
    }
    return new BigFraction(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale()));
  }

  /** Whether count / n ≥ threshold, exactly; n &gt; 0. */
  static boolean shareAtLeast(long count, long n, double threshold) {
    return new BigFraction(count, n).compareTo(decimal(threshold)) >= 0;
  }

  /** Whether count / n &lt; threshold, exactly; n &gt; 0. */
  static boolean shareBelow(long count, long n, double threshold) {
    return !shareAtLeast(count, n, threshold);
  }

  /** The double nearest to a rational: numerators and denominators here are far below 2⁵³, so one rounding. */
  static double nearest(BigFraction value) {
    return value.doubleValue();
  }
}
