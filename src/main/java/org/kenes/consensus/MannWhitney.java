package org.kenes.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Mann–Whitney U test of two independent samples of ratings, as the README defines it ("Attrition and non-response
 * bias"): both samples ranked together with midranks for ties, U = R₁ − n₁(n₁+1)/2 of the first sample, and a
 * two-sided p that is exact when n₁ + n₂ ≤ {@value #EXACT_UP_TO}, ties or not (the permutation distribution of U
 * given the observed midranks, every split of the pooled ratings into samples of n₁ and n₂ equally likely), else the
 * normal approximation with tie and continuity correction ({@code scipy.stats.mannwhitneyu(method='asymptotic')}).
 * Without ties the exact p equals {@code scipy.stats.mannwhitneyu(method='exact')}; with ties SciPy's "exact" ignores
 * them, so Kenes counts instead.
 */
public final class MannWhitney {
  static final int EXACT_UP_TO = 50;

  private MannWhitney() {
  }

  /** The test of {@code first} against {@code second}: exact or asymptotic by the size of the samples. */
  public static MannWhitneyResult test(int[] first, int[] second) {
    Ranked r = Ranked.of(first, second);
    boolean exact = r.n1 + r.n2 <= EXACT_UP_TO;
    return new MannWhitneyResult(r.n1, r.n2, r.u(), exact ? exactP(r) : asymptoticP(r), exact);
  }

  /** The normal approximation whatever the size, as {@code scipy.stats.mannwhitneyu(method='asymptotic')}. */
  public static MannWhitneyResult asymptotic(int[] first, int[] second) {
    Ranked r = Ranked.of(first, second);
    return new MannWhitneyResult(r.n1, r.n2, r.u(), asymptoticP(r), false);
  }

  /**
   * The pooled ratings in groups of equal value: each group's size, how many of it belong to the first sample, and
   * twice its midrank (an integer, so that sums of ranks compare exactly).
   */
  private record Ranked(int n1, int n2, List<int[]> groups, long doubledR1, double tieTerm) {

    static Ranked of(int[] first, int[] second) {
      if (first.length == 0 || second.length == 0) {
        throw new IllegalArgumentException("both samples need a rating: " + first.length + " and " + second.length);
      }
      SortedMap<Integer, int[]> counts = new TreeMap<>();
      for (int x : first) {
        counts.computeIfAbsent(x, v -> new int[2])[0]++;
      }
      for (int y : second) {
        counts.computeIfAbsent(y, v -> new int[2])[1]++;
      }
      List<int[]> groups = new ArrayList<>();
      long below = 0;
      long doubledR1 = 0;
      double tieTerm = 0;
      for (int[] c : counts.values()) {
        int size = c[0] + c[1];
        int doubledRank = (int) (2 * below + size + 1);
        groups.add(new int[] {size, c[0], doubledRank});
        doubledR1 += (long) c[0] * doubledRank;
        tieTerm += (double) size * size * size - size;
        below += size;
      }
      return new Ranked(first.length, second.length, groups, doubledR1, tieTerm);
    }

    /** Twice U of the first sample. */
    long doubledU() {
      return doubledR1 - (long) n1 * (n1 + 1);
    }

    double u() {
      return doubledU() / 2.0;
    }
  }

  /**
   * P(|U − n₁n₂/2| ≥ |u − n₁n₂/2|) over the C(n, n₁) equally likely splits, counted by dynamic programming over the
   * groups of tied ratings: j of a group of t with doubled midrank r put in the first sample add j·r to twice R₁, in
   * C(t, j) ways. Every count is at most C(50, 25) &lt; 2⁵³, so the division is one rounding.
   */
  private static double exactP(Ranked r) {
    int n = r.n1 + r.n2;
    int maxSum = n * (n + 1);
    long[][] ways = new long[r.n1 + 1][maxSum + 1];
    ways[0][0] = 1;
    int placed = 0;
    for (int[] g : r.groups) {
      int size = g[0];
      int rank = g[2];
      long[][] next = new long[r.n1 + 1][maxSum + 1];
      for (int k = 0; k <= Math.min(placed, r.n1); k++) {
        for (int sum = 0; sum <= maxSum; sum++) {
          if (ways[k][sum] == 0) {
            continue;
          }
          for (int j = 0; j <= size && k + j <= r.n1; j++) {
            next[k + j][sum + j * rank] += ways[k][sum] * CombinatoricsUtils.binomialCoefficient(size, j);
          }
        }
      }
      ways = next;
      placed += size;
    }
    // Twice U has the mean n₁n₂: deviations compare exactly, in integers.
    long mean = (long) r.n1 * r.n2;
    long observed = Math.abs(r.doubledU() - mean);
    long offset = (long) r.n1 * (r.n1 + 1);
    long atLeast = 0;
    for (int sum = 0; sum <= maxSum; sum++) {
      if (ways[r.n1][sum] != 0 && Math.abs(sum - offset - mean) >= observed) {
        atLeast += ways[r.n1][sum];
      }
    }
    return (double) atLeast / CombinatoricsUtils.binomialCoefficient(n, r.n1);
  }

  /** SciPy's: U = max(U₁, U₂), z = (U − n₁n₂/2 − ½) / σ with the tie-corrected σ, p = 2·P(Z ≥ z), at most 1. */
  private static double asymptoticP(Ranked r) {
    double n1 = r.n1;
    double n2 = r.n2;
    double n = n1 + n2;
    double mean = n1 * n2 / 2;
    double u = Math.max(r.u(), n1 * n2 - r.u());
    double sigma = Math.sqrt(n1 * n2 / 12 * ((n + 1) - r.tieTerm / (n * (n - 1))));
    if (sigma == 0) {
      return 1;
    }
    double z = (u - mean - 0.5) / sigma;
    return Math.min(1, Erf.erfc(z / Math.sqrt(2)));
  }
}
