package org.kenes.consensus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CONTRACT.md's overall statistics of a ranking item (CONSENSUS.md, "Ranking items").
 *
 * @param meanRanks mean normalised rank per option, in option order; empty when m = 0
 * @param borda Σ(n − rank + 1) / (m·n) per option, in option order; empty when m = 0
 * @param kendallW null, like chiSquare and p, when m &lt; 2, with fewer than two options, or when every
 *     respondent tied every option (W is 0/0 then)
 * @param df n − 1
 */
public record RankingStats(long m, long incomplete, Map<String, Double> meanRanks, Map<String, Double> borda,
    Double kendallW, Double chiSquare, int df, Double p) {

  public RankingStats {
    meanRanks = Collections.unmodifiableMap(new LinkedHashMap<>(meanRanks));
    borda = Collections.unmodifiableMap(new LinkedHashMap<>(borda));
  }

  public static RankingStats of(RankingTally tally) {
    List<String> options = tally.options();
    int n = options.size();
    long m = tally.m();
    double[] rankSums = tally.rankSums();
    Map<String, Double> meanRanks = new LinkedHashMap<>();
    Map<String, Double> borda = new LinkedHashMap<>();
    for (int i = 0; m > 0 && i < n; i++) {
      meanRanks.put(options.get(i), rankSums[i] / m);
      borda.put(options.get(i), (m * (n + 1.0) - rankSums[i]) / ((double) m * n));
    }
    KendallW.Result w = m < 2 || n < 2 ? null : KendallW.fromSums(m, rankSums, tally.tieTerm());
    if (w == null || Double.isNaN(w.w())) {
      return new RankingStats(m, tally.incomplete(), meanRanks, borda, null, null, n - 1, null);
    }
    return new RankingStats(m, tally.incomplete(), meanRanks, borda, w.w(), w.chiSquare(), n - 1, w.p());
  }

  /**
   * Schmidt's (1997) reading of W. He anchors 0.1 very weak, 0.3 weak, 0.5 moderate, 0.7 strong and 0.9
   * unusually strong; each word here covers the values nearer its anchor than any other, so the cuts
   * fall halfway: below 0.2, 0.4, 0.6 and 0.8.
   *
   * @throws IllegalArgumentException for a w outside [0, 1]
   */
  public static String strength(double w) {
    if (!(w >= 0 && w <= 1)) {
      throw new IllegalArgumentException("Kendall's W lies in [0, 1], not " + w);
    }
    if (w < 0.2) {
      return "very weak";
    }
    if (w < 0.4) {
      return "weak";
    }
    if (w < 0.6) {
      return "moderate";
    }
    return w < 0.8 ? "strong" : "unusually strong";
  }
}
