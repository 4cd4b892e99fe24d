package org.kenes.consensus;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * One respondent's ranking normalised: ranked again with average ranks for ties (1, 1, 2 reads 1.5,
 * 1.5, 3), with the tie term Σ(t³ − t) over its groups of equal ranks that Kendall's W corrects for.
 */
record Ranks(double[] ranks, long tieTerm) {

  static Ranks normalise(double[] raw) {
    for (double value : raw) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("rank " + value + " in " + Arrays.toString(raw));
      }
    }
    Integer[] order = IntStream.range(0, raw.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> raw[i]));
    double[] ranks = new double[raw.length];
    long tieTerm = 0;
    int start = 0;
    while (start < order.length) {
      int end = start;
      while (end + 1 < order.length && raw[order[end + 1]] == raw[order[start]]) {
        end++;
      }
      long group = end - start + 1;
      double average = (start + end) / 2.0 + 1;
      for (int i = start; i <= end; i++) {
        ranks[order[i]] = average;
      }
      tieTerm += group * group * group - group;
      start = end + 1;
    }
    return new Ranks(ranks, tieTerm);
  }
}
