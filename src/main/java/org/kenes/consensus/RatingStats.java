package org.kenes.consensus;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.fraction.BigFraction;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * CONTRACT.md's STATS for one rating item, overall or for one panel; definitions in CONSENSUS.md.
 * Numbers are null where undefined: all of them when n = 0; sd and cv when n &lt; 2; cv when the mean
 * is 0; p30 to rand unless the scale is 1–9.
 *
 * Quantiles, the IQR and the RAND/UCLA terms are computed exactly and rounded once to the nearest double; verdicts are
 * decided on the exact values.
 *
 * @param histogram the count at every scale point, zeros included
 * @param verdict from {@link #of} the rule's verdict on this tally alone; in
 *     {@link RatingItemResult#overall()} the item's final verdict
 */
public record RatingStats(long n, long unable, SortedMap<Integer, Long> histogram,
    Double mean, Double sd, Double cv, Double median, Double q1, Double q3, Double iqr,
    Double agree, Double neutral, Double disagree,
    Double p30, Double p70, Double ipr, Double iprcp, Double ai, Double ipras, Boolean randDisagreement,
    Appropriateness rand, Verdict verdict) {

  private static final BigFraction HALF = new BigFraction(1, 2);
  private static final BigFraction QUARTER = new BigFraction(1, 4);
  private static final BigFraction THREE_QUARTERS = new BigFraction(3, 4);

  public RatingStats {
    histogram = Collections.unmodifiableSortedMap(new TreeMap<>(histogram));
  }

  /** @throws IllegalArgumentException when the tally is not on the criteria's scale */
  public static RatingStats of(RatingTally tally, Criteria criteria) {
    tally.requireScale(criteria.scaleMin(), criteria.scaleMax());
    SortedMap<Integer, Long> histogram = new TreeMap<>();
    long sum = 0;
    long sumOfSquares = 0;
    for (int point = tally.min(); point <= tally.max(); point++) {
      long count = tally.count(point);
      histogram.put(point, count);
      sum += count * point;
      sumOfSquares += count * point * point;
    }
    long n = tally.n();
    if (n == 0) {
      return new RatingStats(0, tally.unable(), histogram, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null, null, Verdict.INSUFFICIENT);
    }
    double mean = (double) sum / n;
    Double sd = n < 2 ? null : Math.sqrt(variance(n, sum, sumOfSquares));
    Double cv = sd == null || mean == 0 ? null : sd / mean;
    EstimationType type = criteria.quantiles();
    BigFraction median = Quantile.exact(tally, HALF, type);
    BigFraction q1 = Quantile.exact(tally, QUARTER, type);
    BigFraction q3 = Quantile.exact(tally, THREE_QUARTERS, type);
    BigFraction iqr = q3.subtract(q1);
    long agree = tally.count(criteria.agree());
    long disagree = tally.count(criteria.disagree());
    RandUcla rand = criteria.hasRandScale() ? RandUcla.of(tally, type, median) : RandUcla.NOT_APPLICABLE;
    RatingStats stats = new RatingStats(n, tally.unable(), histogram, mean, sd, cv, Exact.nearest(median),
        Exact.nearest(q1), Exact.nearest(q3), Exact.nearest(iqr),
        (double) agree / n, (double) (n - agree - disagree) / n, (double) disagree / n,
        rand.p30(), rand.p70(), rand.ipr(), rand.iprcp(), rand.ai(), rand.ipras(), rand.disagreement(),
        rand.appropriateness(), null);
    return stats.withVerdict(criteria.verdict(tally, median, iqr, rand.appropriateness()));
  }

  /** The same statistics under another verdict, as when panels overrule the overall one. */
  public RatingStats withVerdict(Verdict newVerdict) {
    return new RatingStats(n, unable, histogram, mean, sd, cv, median, q1, q3, iqr, agree, neutral, disagree,
        p30, p70, ipr, iprcp, ai, ipras, randDisagreement, rand, newVerdict);
  }

  /**
   * Sample variance from integer sums: n·Σx² − (Σx)² is exact in long arithmetic (and fails loudly
   * rather than wrap), so only the final division rounds, and no cancellation can occur.
   */
  private static double variance(long n, long sum, long sumOfSquares) {
    long numerator = Math.subtractExact(Math.multiplyExact(n, sumOfSquares), Math.multiplyExact(sum, sum));
    return numerator / ((double) n * (n - 1));
  }
}
