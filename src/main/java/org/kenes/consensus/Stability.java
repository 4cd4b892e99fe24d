package org.kenes.consensus;

import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * CONTRACT.md's "stability" of a rating item between two rounds (CONSENSUS.md, "Stability").
 *
 * @param changePct 100 × ½ Σ|f(r) − f(r−1)| over the scale points; null when either round has no
 *     valid rating
 * @param stable changePct is below the threshold, compared exactly; false when changePct is null
 * @param pairs the non-zero pairs n' of the Wilcoxon test
 * @param wilcoxonMethod how its p was found: "exact" (n' ≤ 50) or "asymptotic"
 */
public record Stability(Double changePct, boolean stable, long pairs, double wilcoxonT, double wilcoxonP,
    String wilcoxonMethod) {

  /** @throws IllegalArgumentException when the rounds' tallies are on different scales */
  public static Stability of(RatingTally previous, RatingTally current, PairedTally paired,
      double stableBelowPct) {
    current.requireScale(previous.min(), previous.max());
    SortedMap<Double, Long> differences = new TreeMap<>();
    paired.differences().forEach((difference, count) -> differences.put(difference.doubleValue(), count));
    WilcoxonResult wilcoxon = Wilcoxon.signedRank(differences);
    BigFraction changePct = previous.n() == 0 || current.n() == 0 ? null : changePct(previous, current);
    boolean stable = changePct != null && changePct.compareTo(Exact.decimal(stableBelowPct)) < 0;
    return new Stability(changePct == null ? null : Exact.nearest(changePct), stable, wilcoxon.nonZeroPairs(),
        wilcoxon.t(), wilcoxon.p(), wilcoxon.method());
  }

  /**
   * Scaled to the common denominator n₁n₂ the sum is an exact integer, so changePct is the rational
   * 50 · distance / (n₁n₂): a change of exactly 15 % is 15, not 14.999…, and meets a threshold of 15.
   */
  private static BigFraction changePct(RatingTally previous, RatingTally current) {
    long distance = 0;
    for (int point = previous.min(); point <= previous.max(); point++) {
      distance += Math.abs(current.count(point) * previous.n() - previous.count(point) * current.n());
    }
    return new BigFraction(distance).multiply(50).divide(new BigFraction(previous.n()).multiply(current.n()));
  }
}
