package org.kenes.consensus;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * CONTRACT.md's "stability" of a rating item between two rounds (CONSENSUS.md, "Stability").
 *
 * @param changePct 100 × ½ Σ|f(r) − f(r−1)| over the scale points; null when either round has no
 *     valid rating
 * @param stable changePct is below the threshold; false when changePct is null
 * @param pairs the non-zero pairs n' of the Wilcoxon test
 */
public record Stability(Double changePct, boolean stable, long pairs, double wilcoxonT, double wilcoxonP) {

  /** @throws IllegalArgumentException when the rounds' tallies are on different scales */
  public static Stability of(RatingTally previous, RatingTally current, PairedTally paired,
      double stableBelowPct) {
    current.requireScale(previous.min(), previous.max());
    SortedMap<Double, Long> differences = new TreeMap<>();
    paired.differences().forEach((difference, count) -> differences.put(difference.doubleValue(), count));
    WilcoxonResult wilcoxon = Wilcoxon.signedRank(differences);
    Double changePct = previous.n() == 0 || current.n() == 0 ? null : changePct(previous, current);
    return new Stability(changePct, changePct != null && changePct < stableBelowPct, wilcoxon.nonZeroPairs(),
        wilcoxon.t(), wilcoxon.p());
  }

  /**
   * Scaled to the common denominator n₁n₂ the sum is an exact integer, so only the last division
   * rounds and a change of exactly 15 % reads 15.0, not 14.999….
   */
  private static double changePct(RatingTally previous, RatingTally current) {
    long distance = 0;
    for (int point = previous.min(); point <= previous.max(); point++) {
      distance += Math.abs(current.count(point) * previous.n() - previous.count(point) * current.n());
    }
    return 50.0 * distance / ((double) previous.n() * current.n());
  }
}
