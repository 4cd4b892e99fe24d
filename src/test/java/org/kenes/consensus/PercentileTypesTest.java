package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kenes.consensus.Tolerance.assertClose;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values: numpy.quantile with the Hyndman &amp; Fan method of each type (expected.py). */
class PercentileTypesTest {
  private static final RatingTally PUBLISHED = RatingTally.of(1, 9, List.of(3, 5, 7, 7, 8, 8, 8, 9));
  private static final RatingTally FIVE_POINT = RatingTally.of(1, 5, List.of(1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5));

  @ParameterizedTest(name = "{0}: IQR {1}")
  @CsvSource({"R_1, 3.0", "R_5, 2.0", "R_6, 2.5", "R_7, 1.5"})
  @DisplayName("the published example {3,5,7,7,8,8,8,9} has the IQR CONSENSUS.md gives for each type")
  void publishedIqr(EstimationType type, double iqr) {
    assertEquals(iqr, RatingStats.of(PUBLISHED, Criteria.defaults(1, 9).withQuantiles(type)).iqr());
  }

  @ParameterizedTest(name = "{0}: q1 {1}, median {2}, q3 {3}, p30 {4}, p70 {5}")
  @CsvSource({
      "R_1, 5.0, 7.0, 8.0, 7.0, 8.0",
      "R_2, 6.0, 7.5, 8.0, 7.0, 8.0",
      "R_3, 5.0, 7.0, 8.0, 5.0, 8.0",
      "R_4, 5.0, 7.0, 8.0, 5.8, 8.0",
      "R_5, 6.0, 7.5, 8.0, 6.8, 8.0",
      "R_6, 5.5, 7.5, 8.0, 6.3999999999999995, 8.0",
      "R_7, 6.5, 7.5, 8.0, 7.0, 8.0",
      "R_8, 5.833333333333333, 7.5, 8.0, 6.666666666666666, 8.0",
      "R_9, 5.875, 7.5, 8.0, 6.7, 8.0"})
  @DisplayName("every quantile type matches numpy on the published example")
  void everyTypePublished(EstimationType type, double q1, double median, double q3, double p30, double p70) {
    RatingStats stats = RatingStats.of(PUBLISHED, Criteria.defaults(1, 9).withQuantiles(type));
    assertClose(q1, stats.q1());
    assertClose(median, stats.median());
    assertClose(q3, stats.q3());
    assertClose(p30, stats.p30());
    assertClose(p70, stats.p70());
  }

  @ParameterizedTest(name = "{0}: q1 {1}, median {2}, q3 {3}")
  @CsvSource({
      "R_1, 2.0, 3.0, 4.0",
      "R_2, 2.5, 3.5, 4.0",
      "R_3, 2.0, 3.0, 4.0",
      "R_4, 2.0, 3.0, 4.0",
      "R_5, 2.5, 3.5, 4.0",
      "R_6, 2.25, 3.5, 4.0",
      "R_7, 2.75, 3.5, 4.0",
      "R_8, 2.4166666666666665, 3.5, 4.0",
      "R_9, 2.4375, 3.5, 4.0"})
  @DisplayName("every quantile type matches numpy on a 1–5 item of twelve ratings")
  void everyTypeFivePoint(EstimationType type, double q1, double median, double q3) {
    RatingStats stats = RatingStats.of(FIVE_POINT, Criteria.defaults(1, 5).withQuantiles(type));
    assertClose(q1, stats.q1());
    assertClose(median, stats.median());
    assertClose(q3, stats.q3());
  }

  @ParameterizedTest(name = "{0} at p = {1}: {2}")
  @CsvSource({"R_3, 0.7, 1.0", "R_3, 0.3, 0.0", "R_1, 0.2, 0.0", "R_2, 0.2, 0.0"})
  @DisplayName("where n·p falls on a rounding edge, the order statistic is R's, not binary rounding's")
  void roundingEdges(EstimationType type, double p, double expected) {
    // 31 zeros and 14 ones: n·p = 31.5 at p = 0.7, 13.5 at 0.3 (R_3 takes the even order statistic, x32 and x14),
    // 9 at 0.2 (R_1 takes x9; R_2 averages x9 and x10). In binary, 45 × 0.7 = 31.499999999999996 and Commons Math's
    // Percentile answers x31 = 0.
    RatingTally tally = RatingTally.ofCounts(-1, 8, new long[] {0, 31, 14, 0, 0, 0, 0, 0, 0, 0}, 0);
    assertEquals(expected, Quantile.of(tally, p, type));
  }
}
