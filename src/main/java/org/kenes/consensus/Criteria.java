package org.kenes.consensus;

import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * A study's consensus settings for rating items (CONSENSUS.md; the study file's {@code consensus}
 * block plus {@code rounds.stableBelowPct}).
 *
 * @param inAgreeAtLeast share of the "in" band needed for consensus (0.70 in the 70/15 rule)
 * @param inDisagreeBelow share of the other band that must not be reached (0.15)
 * @param maxIqr widest IQR that still counts as consensus under the median-iqr rule
 * @param quantiles the Hyndman &amp; Fan type of every quantile reported
 * @param minCell panels with fewer valid ratings are suppressed, to protect anonymity
 * @param stableBelowPct a changePct below this (in percent) makes a distribution stable
 */
public record Criteria(int scaleMin, int scaleMax, Rule rule, Band agree, Band disagree,
    double inAgreeAtLeast, double inDisagreeBelow, double maxIqr, int minResponses, boolean perPanel,
    EstimationType quantiles, int minCell, double stableBelowPct) {

  public Criteria {
    RatingTally.checkScale(scaleMin, scaleMax);
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(quantiles, "quantiles");
    checkBand("agree", agree, scaleMin, scaleMax);
    checkBand("disagree", disagree, scaleMin, scaleMax);
    if (agree.low() <= disagree.high() && disagree.low() <= agree.high()) {
      throw new IllegalArgumentException("agree band " + agree + " overlaps disagree band " + disagree);
    }
    checkRange("inAgreeAtLeast", inAgreeAtLeast, 0, 1);
    checkRange("inDisagreeBelow", inDisagreeBelow, 0, 1);
    checkRange("maxIqr", maxIqr, 0, scaleMax - scaleMin);
    checkRange("stableBelowPct", stableBelowPct, 0, 100);
    checkPositive("minResponses", minResponses);
    checkPositive("minCell", minCell);
    if (rule == Rule.RAND_UCLA && !hasRandScale(scaleMin, scaleMax)) {
      throw new IllegalArgumentException("the rand-ucla rule needs a 1..9 scale, not " + scaleMin + ".."
          + scaleMax);
    }
  }

  /**
   * The defaults of CONSENSUS.md. Bands are the top and the bottom ⌈points / 3⌉ scale points: that
   * reproduces the published defaults (1–9 → 7–9 / 1–3, 1–7 → 5–7 / 1–3, 1–5 → 4–5 / 1–2) and on
   * other scales errs towards the wider band, e.g. 1–10 → 7–10 / 1–4 and 0–10 → 7–10 / 0–3.
   */
  public static Criteria defaults(int scaleMin, int scaleMax) {
    RatingTally.checkScale(scaleMin, scaleMax);
    int points = scaleMax - scaleMin + 1;
    int band = (points + 2) / 3;
    return new Criteria(scaleMin, scaleMax, Rule.PERCENT,
        new Band(scaleMax - band + 1, scaleMax), new Band(scaleMin, scaleMin + band - 1),
        0.70, 0.15, points >= 10 ? 2 : 1, 5, false, EstimationType.R_7, 3, 15);
  }

  public Criteria withRule(Rule newRule) {
    return new Criteria(scaleMin, scaleMax, newRule, agree, disagree, inAgreeAtLeast, inDisagreeBelow,
        maxIqr, minResponses, perPanel, quantiles, minCell, stableBelowPct);
  }

  public Criteria withPerPanel(boolean newPerPanel) {
    return new Criteria(scaleMin, scaleMax, rule, agree, disagree, inAgreeAtLeast, inDisagreeBelow,
        maxIqr, minResponses, newPerPanel, quantiles, minCell, stableBelowPct);
  }

  public Criteria withQuantiles(EstimationType newQuantiles) {
    return new Criteria(scaleMin, scaleMax, rule, agree, disagree, inAgreeAtLeast, inDisagreeBelow,
        maxIqr, minResponses, perPanel, newQuantiles, minCell, stableBelowPct);
  }

  /** RAND/UCLA's thresholds (medians 3 and 7, the 2.35 + 1.5 AI) only make sense on its 1–9 scale. */
  boolean hasRandScale() {
    return hasRandScale(scaleMin, scaleMax);
  }

  /**
   * The rule's verdict on one tally, decided exactly (CONSENSUS.md): shares as counts against the thresholds' decimals,
   * so that 7 of 10 meets 0.70 for every n; the IQR and the median as the rationals they are.
   *
   * @param rand the RAND/UCLA class, null off the 1–9 scale
   */
  Verdict verdict(RatingTally tally, BigFraction median, BigFraction iqr, Appropriateness rand) {
    long n = tally.n();
    if (n < minResponses) {
      return Verdict.INSUFFICIENT;
    }
    return switch (rule) {
      case PERCENT -> percentVerdict(tally.count(agree), tally.count(disagree), n);
      case MEDIAN_IQR -> iqr.compareTo(Exact.decimal(maxIqr)) > 0 ? Verdict.NO_CONSENSUS : bandVerdict(median);
      case RAND_UCLA -> switch (rand) {
        case APPROPRIATE -> Verdict.CONSENSUS_IN;
        case INAPPROPRIATE -> Verdict.CONSENSUS_OUT;
        case UNCERTAIN -> Verdict.NO_CONSENSUS;
      };
    };
  }

  private Verdict percentVerdict(long agreeCount, long disagreeCount, long n) {
    if (Exact.shareAtLeast(agreeCount, n, inAgreeAtLeast) && Exact.shareBelow(disagreeCount, n, inDisagreeBelow)) {
      return Verdict.CONSENSUS_IN;
    }
    if (Exact.shareAtLeast(disagreeCount, n, inAgreeAtLeast) && Exact.shareBelow(agreeCount, n, inDisagreeBelow)) {
      return Verdict.CONSENSUS_OUT;
    }
    return Verdict.NO_CONSENSUS;
  }

  private Verdict bandVerdict(BigFraction median) {
    if (contains(agree, median)) {
      return Verdict.CONSENSUS_IN;
    }
    return contains(disagree, median) ? Verdict.CONSENSUS_OUT : Verdict.NO_CONSENSUS;
  }

  private static boolean contains(Band band, BigFraction value) {
    return value.compareTo(new BigFraction(band.low())) >= 0 && value.compareTo(new BigFraction(band.high())) <= 0;
  }

  private static boolean hasRandScale(int min, int max) {
    return min == 1 && max == 9;
  }

  private static void checkBand(String name, Band band, int min, int max) {
    Objects.requireNonNull(band, name);
    if (band.low() < min || band.high() > max) {
      throw new IllegalArgumentException(name + " band " + band + " leaves the scale " + min + ".." + max);
    }
  }

  private static void checkPositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }
  }

  private static void checkRange(String name, double value, double low, double high) {
    if (!(value >= low && value <= high)) {
      throw new IllegalArgumentException(name + " must lie in [" + low + ", " + high + "], not " + value);
    }
  }
}
