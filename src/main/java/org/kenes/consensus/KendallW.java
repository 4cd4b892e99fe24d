package org.kenes.consensus;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.special.Gamma;

/** Kendall's coefficient of concordance W with tie correction (CONSENSUS.md, "Ranking items"). */
public final class KendallW {
  private KendallW() {
  }

  /**
   * @param s Σ(Ri − R̄)² over the options' rank sums Ri
   * @param t Σ over respondents and their tie groups of (t³ − t)
   * @param w 12S / (m²(n³ − n) − mT); NaN, like chiSquare and p, when every respondent tied every option
   * @param p upper tail of χ² with df = n − 1 degrees of freedom
   */
  public record Result(double s, double t, double w, double chiSquare, int df, double p) {
  }

  /**
   * @param ranksByRespondent {@code [respondent][option]}; each row is normalised first
   * @throws IllegalArgumentException for fewer than two respondents or options, or ragged rows
   */
  public static Result of(double[][] ranksByRespondent) {
    int m = ranksByRespondent.length;
    int n = m == 0 ? 0 : ranksByRespondent[0].length;
    if (m < 2 || n < 2) {
      throw new IllegalArgumentException("Kendall's W needs two respondents and two options, not " + m + " × " + n);
    }
    double[] rankSums = new double[n];
    long tieTerm = 0;
    for (double[] row : ranksByRespondent) {
      if (row.length != n) {
        throw new IllegalArgumentException("a respondent ranked " + row.length + " options, not " + n);
      }
      Ranks normalised = Ranks.normalise(row);
      for (int option = 0; option < n; option++) {
        rankSums[option] += normalised.ranks()[option];
      }
      tieTerm += normalised.tieTerm();
    }
    return fromSums(m, rankSums, tieTerm);
  }

  /**
   * From the sums a {@link RankingTally} keeps. The p-value is the regularized upper incomplete gamma
   * function, which is what {@link ChiSquaredDistribution} complements to 1 in its CDF: asking for it
   * directly keeps p precise when it is tiny instead of losing it to 1 − cdf.
   */
  static Result fromSums(long m, double[] rankSums, long tieTerm) {
    int n = rankSums.length;
    double mean = m * (n + 1) / 2.0;
    double s = 0;
    for (double rankSum : rankSums) {
      s += (rankSum - mean) * (rankSum - mean);
    }
    double nn = n;
    double w = 12 * s / ((double) m * m * (nn * nn * nn - nn) - (double) m * tieTerm);
    int df = n - 1;
    double chiSquare = m * df * w;
    return new Result(s, tieTerm, w, chiSquare, df, Gamma.regularizedGammaQ(df / 2.0, chiSquare / 2));
  }
}
