package org.kenes.consensus;

import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.special.Erf;

/**
 * Wilcoxon signed-rank test as CONSENSUS.md defines it: scipy.stats.wilcoxon with
 * zero_method='wilcox', correction=False, and method='exact' when n' ≤ 50 without ties among |d|,
 * else 'asymptotic'.
 */
public final class Wilcoxon {
  private static final int EXACT_UP_TO = 50;

  private Wilcoxon() {
  }

  /** @param differences raw paired differences, zeros included */
  public static WilcoxonResult signedRank(double[] differences) {
    SortedMap<Double, Long> counts = new TreeMap<>();
    for (double difference : differences) {
      counts.merge(difference, 1L, Long::sum);
    }
    return signedRank(counts);
  }

  /**
   * Works on groups of equal |d|, which share one average rank, so the cost grows with the number of
   * distinct differences rather than with the number of pairs.
   *
   * @param differenceCounts count per difference, zeros included
   */
  public static WilcoxonResult signedRank(SortedMap<Double, Long> differenceCounts) {
    SortedMap<Double, long[]> byMagnitude = new TreeMap<>();
    differenceCounts.forEach((difference, count) -> {
      if (!Double.isFinite(difference) || count < 0) {
        throw new IllegalArgumentException("difference " + difference + " counted " + count + " times");
      }
      if (difference != 0) {
        long[] positiveNegative = byMagnitude.computeIfAbsent(Math.abs(difference), magnitude -> new long[2]);
        positiveNegative[difference > 0 ? 0 : 1] += count;
      }
    });
    long pairs = 0;
    double wPlus = 0;
    double wMinus = 0;
    double tieTerm = 0;
    for (long[] positiveNegative : byMagnitude.values()) {
      long group = positiveNegative[0] + positiveNegative[1];
      double rank = pairs + (group + 1) / 2.0;
      wPlus += positiveNegative[0] * rank;
      wMinus += positiveNegative[1] * rank;
      tieTerm += (double) group * group * group - group;
      pairs += group;
    }
    if (pairs == 0) {
      return new WilcoxonResult(0, 0, 0, 0, 1, true);
    }
    double t = Math.min(wPlus, wMinus);
    boolean exact = pairs <= EXACT_UP_TO && tieTerm == 0;
    double p = exact ? exactP((int) pairs, (int) t) : asymptoticP(pairs, wPlus, tieTerm);
    return new WilcoxonResult(pairs, wPlus, wMinus, t, p, exact);
  }

  /**
   * 2·P(W+ ≤ t) under the null, where the 2ⁿ sign patterns are equally likely. Counting subsets of
   * the ranks 1..n by their sum is exact in long (at most 2⁵⁰), and dividing by 2ⁿ is exact in double.
   */
  private static double exactP(int n, int t) {
    int maxSum = n * (n + 1) / 2;
    long[] patterns = new long[maxSum + 1];
    patterns[0] = 1;
    for (int rank = 1; rank <= n; rank++) {
      for (int sum = rank * (rank + 1) / 2; sum >= rank; sum--) {
        patterns[sum] += patterns[sum - rank];
      }
    }
    long atMostT = 0;
    for (int sum = 0; sum <= t; sum++) {
      atMostT += patterns[sum];
    }
    return Math.min(1, Math.scalb(2.0 * atMostT, -n));
  }

  /** Normal approximation with tie correction, no continuity correction; erfc keeps small p precise. */
  private static double asymptoticP(long n, double wPlus, double tieTerm) {
    double nn = n;
    double mean = nn * (nn + 1) / 4;
    double variance = nn * (nn + 1) * (2 * nn + 1) / 24 - tieTerm / 48;
    double z = (wPlus - mean) / Math.sqrt(variance);
    return Erf.erfc(Math.abs(z) / Math.sqrt(2));
  }
}
