package org.kenes.consensus;

import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The RAND/UCLA appropriateness reading of a 1–9 item (Fitch et al. 2001, ch. 7). Fields are null in
 * {@link #NOT_APPLICABLE}, which stands in for other scales and for items nobody rated.
 */
record RandUcla(Double p30, Double p70, Double ipr, Double iprcp, Double ai, Double ipras,
    Boolean disagreement, Appropriateness appropriateness) {

  static final RandUcla NOT_APPLICABLE = new RandUcla(null, null, null, null, null, null, null, null);

  static RandUcla of(RatingTally tally, EstimationType quantiles, double median) {
    double p30 = Quantile.of(tally, 0.30, quantiles);
    double p70 = Quantile.of(tally, 0.70, quantiles);
    double ipr = p70 - p30;
    double iprcp = (p30 + p70) / 2;
    double ai = Math.abs(5 - iprcp);
    double ipras = 2.35 + 1.5 * ai;
    boolean disagreement = ipr > ipras;
    return new RandUcla(p30, p70, ipr, iprcp, ai, ipras, disagreement, classify(median, disagreement));
  }

  private static Appropriateness classify(double median, boolean disagreement) {
    if (!disagreement && median >= 7) {
      return Appropriateness.APPROPRIATE;
    }
    return !disagreement && median < 4 ? Appropriateness.INAPPROPRIATE : Appropriateness.UNCERTAIN;
  }
}
