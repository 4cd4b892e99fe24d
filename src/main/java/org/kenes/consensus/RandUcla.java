package org.kenes.consensus;

import org.apache.commons.math3.fraction.BigFraction;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The RAND/UCLA appropriateness reading of a 1–9 item (Fitch et al. 2001, ch. 7). Fields are null in
 * {@link #NOT_APPLICABLE}, which stands in for other scales and for items nobody rated.
 */
record RandUcla(Double p30, Double p70, Double ipr, Double iprcp, Double ai, Double ipras,
    Boolean disagreement, Appropriateness appropriateness) {

  static final RandUcla NOT_APPLICABLE = new RandUcla(null, null, null, null, null, null, null, null);
  private static final BigFraction P30 = new BigFraction(3, 10);
  private static final BigFraction P70 = new BigFraction(7, 10);
  private static final BigFraction FIVE = new BigFraction(5);
  private static final BigFraction IPRAS_BASE = new BigFraction(235, 100);
  private static final BigFraction IPRAS_SLOPE = new BigFraction(3, 2);

  /**
   * Every term is a rational number and disagreement (IPR &gt; IPRAS) is decided on them exactly: IPR = IPRAS is no
   * disagreement (1,1,1,1,6,7,7,7,7,8,8,8,8: both 3.4, appropriate), however binary floating point would round them.
   */
  static RandUcla of(RatingTally tally, EstimationType quantiles, BigFraction median) {
    BigFraction p30 = Quantile.exact(tally, P30, quantiles);
    BigFraction p70 = Quantile.exact(tally, P70, quantiles);
    BigFraction ipr = p70.subtract(p30);
    BigFraction iprcp = p30.add(p70).divide(2);
    BigFraction ai = FIVE.subtract(iprcp).abs();
    BigFraction ipras = IPRAS_BASE.add(IPRAS_SLOPE.multiply(ai));
    boolean disagreement = ipr.compareTo(ipras) > 0;
    return new RandUcla(Exact.nearest(p30), Exact.nearest(p70), Exact.nearest(ipr), Exact.nearest(iprcp),
        Exact.nearest(ai), Exact.nearest(ipras), disagreement, classify(median, disagreement));
  }

  /** Symmetric cut-offs: a median of at least 7 is appropriate, of at most 3 inappropriate (3.5 is uncertain). */
  private static Appropriateness classify(BigFraction median, boolean disagreement) {
    if (!disagreement && median.compareTo(new BigFraction(7)) >= 0) {
      return Appropriateness.APPROPRIATE;
    }
    return !disagreement && median.compareTo(new BigFraction(3)) <= 0 ? Appropriateness.INAPPROPRIATE
        : Appropriateness.UNCERTAIN;
  }
}
