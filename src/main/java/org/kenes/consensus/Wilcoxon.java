package org.kenes.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Wilcoxon signed-rank test as CONSENSUS.md defines it: zeros dropped, |d| ranked with midranks, and a two-sided p
 * that is exact for n' ≤ 50, ties or not (the permutation distribution of W+ given the observed midranks, as R's
 * exactRankTests and coin compute it), else the normal approximation with tie correction and no continuity
 * correction (scipy.stats.wilcoxon with method='asymptotic', correction=False).
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
    long doubledWPlus = 0;
    long doubledWMinus = 0;
    double tieTerm = 0;
    List<long[]> groups = new ArrayList<>();
    for (long[] positiveNegative : byMagnitude.values()) {
      long group = positiveNegative[0] + positiveNegative[1];
      if (group == 0) {
        continue;
      }
      // Twice the midrank of the group, an integer: ranks pairs + 1 … pairs + group average to pairs + (group + 1)/2.
      long doubledRank = 2 * pairs + group + 1;
      doubledWPlus += positiveNegative[0] * doubledRank;
      doubledWMinus += positiveNegative[1] * doubledRank;
      tieTerm += (double) group * group * group - group;
      groups.add(new long[] {group, doubledRank});
      pairs += group;
    }
    if (pairs == 0) {
      return new WilcoxonResult(0, 0, 0, 0, 1, true);
    }
    double wPlus = doubledWPlus / 2.0;
    double t = Math.min(doubledWPlus, doubledWMinus) / 2.0;
    boolean exact = pairs <= EXACT_UP_TO;
    double p = exact ? exactP((int) pairs, groups, doubledWPlus) : asymptoticP(pairs, wPlus, tieTerm);
    return new WilcoxonResult(pairs, wPlus, doubledWMinus / 2.0, t, p, exact);
  }

  /**
   * P(|W+ − n'(n'+1)/4| ≥ |w+ − n'(n'+1)/4|) when each of the 2ⁿ' sign assignments is equally likely, counted by
   * dynamic programming over the groups of tied |d|: k positive signs among a group of t with doubled midrank r add
   * k·r to twice W+, in C(t, k) ways. Twice W+ is an integer at most n'(n'+1), and every count is at most 2⁵⁰, exact in
   * a long; dividing by 2ⁿ' is exact in double. Without ties this is the classical exact distribution.
   */
  private static double exactP(int n, List<long[]> groups, long doubledWPlus) {
    int maxSum = n * (n + 1);
    long[] ways = new long[maxSum + 1];
    ways[0] = 1;
    int reached = 0;
    for (long[] g : groups) {
      int size = (int) g[0];
      int rank = (int) g[1];
      long[] choose = new long[size + 1];
      for (int k = 0; k <= size; k++) {
        choose[k] = CombinatoricsUtils.binomialCoefficient(size, k);
      }
      long[] next = new long[maxSum + 1];
      for (int sum = 0; sum <= reached; sum++) {
        if (ways[sum] != 0) {
          for (int k = 0; k <= size; k++) {
            next[sum + k * rank] += ways[sum] * choose[k];
          }
        }
      }
      ways = next;
      reached += size * rank;
    }
    // Twice W+ has the mean n'(n'+1)/2, an integer: deviations compare exactly.
    long mean = (long) n * (n + 1) / 2;
    long observed = Math.abs(doubledWPlus - mean);
    long atLeast = 0;
    for (int sum = 0; sum <= maxSum; sum++) {
      if (Math.abs(sum - mean) >= observed) {
        atLeast += ways[sum];
      }
    }
    return Math.scalb((double) atLeast, -n);
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
