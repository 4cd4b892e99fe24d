package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kenes.consensus.Tolerance.assertClose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Expected values: expected.py (numpy), unless a comment derives them by hand. */
class RatingStatsTest {
  private static final Criteria NINE = Criteria.defaults(1, 9);

  private static RatingStats stats(Criteria criteria, Integer... values) {
    return RatingStats.of(RatingTally.of(criteria.scaleMin(), criteria.scaleMax(), Arrays.asList(values)), criteria);
  }

  /** A list of {@code count} copies of each value, given as value, count, value, count... */
  private static Integer[] repeat(int... valueCountPairs) {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < valueCountPairs.length; i += 2) {
      values.addAll(Collections.nCopies(valueCountPairs[i + 1], valueCountPairs[i]));
    }
    return values.toArray(Integer[]::new);
  }

  @Nested
  class PublishedExamples {

    @Test
    @DisplayName("BMJ Open 2012 Table 1: median 7, P30 7, P70 8, IPRAS 6.10, no disagreement, appropriate")
    void bmjOpenRandUcla() {
      RatingStats stats = stats(NINE.withRule(Rule.RAND_UCLA), repeat(4, 1, 5, 1, 6, 1, 7, 5, 8, 5, 9, 2));
      assertAll(
          () -> assertEquals(15, stats.n()),
          () -> assertClose(7.0, stats.median()),
          () -> assertClose(7.0, stats.p30()),
          () -> assertClose(8.0, stats.p70()),
          () -> assertClose(1.0, stats.ipr()),
          () -> assertClose(7.5, stats.iprcp()),
          () -> assertClose(2.5, stats.ai()),
          () -> assertClose(6.1, stats.ipras()),
          () -> assertFalse(stats.randDisagreement()),
          () -> assertEquals(Appropriateness.APPROPRIATE, stats.rand()),
          () -> assertEquals(Verdict.CONSENSUS_IN, stats.verdict()),
          () -> assertClose(7.2, stats.mean()),
          () -> assertClose(1.3732131246511905, stats.sd()));
    }

    @Test
    @DisplayName("Surveylet: 1, 1, 1, 5, 2, 3, 3 has mean 2.285714, sd 1.496026 and cv 0.654512")
    void surveyletCoefficientOfVariation() {
      RatingStats stats = stats(Criteria.defaults(1, 5), 1, 1, 1, 5, 2, 3, 3);
      assertClose(2.2857142857142856, stats.mean());
      assertClose(1.4960264830861911, stats.sd());
      assertClose(0.6545115863502087, stats.cv());
    }
  }

  @Nested
  class EdgeCases {

    @Test
    @DisplayName("with no ratings every number is null, the histogram all zeros and the verdict insufficient")
    void noRatings() {
      RatingStats stats = RatingStats.of(RatingTally.empty(1, 5), Criteria.defaults(1, 5));
      assertEquals(0, stats.n());
      assertEquals(new TreeMap<>(Map.of(1, 0L, 2, 0L, 3, 0L, 4, 0L, 5, 0L)), stats.histogram());
      Stream.of(stats.mean(), stats.sd(), stats.cv(), stats.median(), stats.q1(), stats.q3(), stats.iqr(),
          stats.agree(), stats.neutral(), stats.disagree(), stats.p30(), stats.ipras())
          .forEach(number -> assertNull(number));
      assertNull(stats.rand());
      assertEquals(Verdict.INSUFFICIENT, stats.verdict());
    }

    @Test
    @DisplayName("when everyone is unable to rate, they are counted and nothing else is")
    void allUnable() {
      RatingStats stats = stats(NINE.withRule(Rule.RAND_UCLA), null, null, null);
      assertEquals(0, stats.n());
      assertEquals(3, stats.unable());
      assertNull(stats.mean());
      assertNull(stats.randDisagreement());
      assertEquals(Verdict.INSUFFICIENT, stats.verdict());
    }

    @Test
    @DisplayName("one rating has a mean and quantiles but no sd or cv")
    void oneRating() {
      RatingStats stats = stats(NINE, 6, null);
      assertEquals(1, stats.n());
      assertEquals(1, stats.unable());
      assertClose(6, stats.mean());
      assertNull(stats.sd());
      assertNull(stats.cv());
      assertClose(6, stats.median());
      assertClose(0, stats.iqr());
      assertClose(6, stats.p30());
    }

    @Test
    @DisplayName("two ratings have a sample sd (divisor n − 1)")
    void twoRatings() {
      RatingStats stats = stats(NINE, 3, 8);
      assertClose(5.5, stats.mean());
      assertClose(3.5355339059327378, stats.sd());
      assertClose(3.5355339059327378 / 5.5, stats.cv());
      assertClose(5.5, stats.median());
    }

    @Test
    @DisplayName("identical ratings give sd 0, cv 0 and IQR 0")
    void allEqual() {
      RatingStats stats = stats(NINE, 8, 8, 8, 8, 8);
      assertEquals(0.0, stats.sd());
      assertEquals(0.0, stats.cv());
      assertEquals(0.0, stats.iqr());
      assertEquals(1.0, stats.agree());
    }

    @Test
    @DisplayName("cv is null when the mean is 0, on a scale centred on 0")
    void zeroMean() {
      RatingStats stats = stats(Criteria.defaults(-3, 3), -2, 2, -1, 1);
      assertEquals(0.0, stats.mean());
      assertNull(stats.cv());
    }

    @Test
    @DisplayName("the histogram lists every scale point, zeros included, in order")
    void histogram() {
      SortedMap<Integer, Long> histogram = stats(Criteria.defaults(1, 5), 2, 2, 5).histogram();
      assertEquals(List.of(1, 2, 3, 4, 5), List.copyOf(histogram.keySet()));
      assertEquals(List.of(0L, 2L, 0L, 0L, 1L), List.copyOf(histogram.values()));
    }

    @Test
    @DisplayName("the RAND/UCLA fields are null on any scale but 1–9")
    void randOnlyOnNinePoints() {
      RatingStats stats = stats(Criteria.defaults(1, 7), 5, 6, 7, 7, 7);
      assertNull(stats.p30());
      assertNull(stats.ipras());
      assertNull(stats.randDisagreement());
      assertNull(stats.rand());
    }

    @Test
    @DisplayName("shares are fractions of the valid ratings and add up to 1")
    void shares() {
      RatingStats stats = stats(NINE, 1, 5, 5, 8, 9, null, null);
      assertEquals(0.2, stats.disagree());
      assertEquals(0.4, stats.neutral());
      assertEquals(0.4, stats.agree());
    }

    @Test
    @DisplayName("a tally on another scale than the criteria's is refused")
    void otherScale() {
      assertThrows(IllegalArgumentException.class, () -> RatingStats.of(RatingTally.empty(1, 5), NINE));
    }
  }

  @Nested
  class PercentRule {

    @Test
    @DisplayName("exactly 70 % agree with under 15 % disagree is consensus-in")
    void inAtThreshold() {
      assertEquals(Verdict.CONSENSUS_IN, stats(NINE, repeat(8, 7, 5, 2, 2, 1)).verdict());
    }

    @Test
    @DisplayName("exactly 15 % disagree blocks consensus-in")
    void disagreeAtThreshold() {
      assertEquals(Verdict.NO_CONSENSUS, stats(NINE, repeat(8, 14, 5, 3, 2, 3)).verdict());
    }

    @Test
    @DisplayName("just under 70 % agree is no consensus")
    void justUnder() {
      assertEquals(Verdict.NO_CONSENSUS, stats(NINE, repeat(8, 13, 5, 6, 2, 1)).verdict());
    }

    @Test
    @DisplayName("70 % disagree with under 15 % agree is consensus-out")
    void out() {
      assertEquals(Verdict.CONSENSUS_OUT, stats(NINE, repeat(2, 7, 5, 2, 8, 1)).verdict());
    }

    @Test
    @DisplayName("7 of 10 meets 0.70, and 3 of 20 blocks below 0.15, for every multiple of the panel")
    void exactShares() {
      for (int k = 1; k <= 200; k++) {
        assertEquals(Verdict.CONSENSUS_IN, stats(NINE, repeat(8, 7 * k, 5, 3 * k)).verdict(), "n = " + 10 * k);
        assertEquals(Verdict.NO_CONSENSUS, stats(NINE, repeat(8, 14 * k, 5, 3 * k, 2, 3 * k)).verdict(),
            "n = " + 20 * k);
      }
    }

    @Test
    @DisplayName("thresholds are the decimals written: 0.35 is met by 7 of 20, 0.1 blocks 2 of 20")
    void decimalThresholds() {
      Criteria criteria = new Criteria(1, 9, Rule.PERCENT, NINE.agree(), NINE.disagree(), 0.35, 0.1, 1, 5, false,
          NINE.quantiles(), 3, 15);
      assertEquals(Verdict.CONSENSUS_IN, stats(criteria, repeat(8, 7, 5, 13)).verdict());
      assertEquals(Verdict.NO_CONSENSUS, stats(criteria, repeat(8, 7, 5, 11, 2, 2)).verdict());
    }

    @Test
    @DisplayName("fewer than minResponses valid ratings are insufficient, however unanimous")
    void insufficient() {
      assertEquals(Verdict.INSUFFICIENT, stats(NINE, 9, 9, 9, 9, null, null).verdict());
      assertEquals(Verdict.CONSENSUS_IN, stats(NINE, 9, 9, 9, 9, 9).verdict());
    }
  }

  @Nested
  class MedianIqrRule {
    private final Criteria criteria = NINE.withRule(Rule.MEDIAN_IQR);

    @Test
    @DisplayName("a median in the agree band with IQR ≤ 1 is consensus-in")
    void in() {
      RatingStats stats = stats(criteria, 7, 8, 8, 9, 9);
      assertEquals(1.0, stats.iqr());
      assertEquals(Verdict.CONSENSUS_IN, stats.verdict());
    }

    @Test
    @DisplayName("a median in the disagree band with IQR ≤ 1 is consensus-out")
    void out() {
      assertEquals(Verdict.CONSENSUS_OUT, stats(criteria, 1, 2, 2, 3, 3).verdict());
    }

    @Test
    @DisplayName("an IQR above maxIqr is no consensus, wherever the median lies")
    void wideIqr() {
      RatingStats stats = stats(criteria, 5, 7, 8, 9, 9);
      assertEquals(2.0, stats.iqr());
      assertEquals(Verdict.NO_CONSENSUS, stats.verdict());
    }

    @Test
    @DisplayName("an IQR of exactly maxIqr is consensus (type 8 on 4,7,7,7,7: 1, not 1.0000000000000004)")
    void iqrAtMaxIqrExactly() {
      RatingStats stats = stats(criteria.withQuantiles(EstimationType.R_8), 4, 7, 7, 7, 7);
      assertEquals(1.0, stats.iqr());
      assertEquals(Verdict.CONSENSUS_IN, stats.verdict());
    }

    @Test
    @DisplayName("a median of 6.5 lies outside the agree band 7–9: no consensus")
    void medianBetweenPoints() {
      RatingStats stats = stats(criteria, 6, 6, 6, 7, 7, 7);
      assertEquals(6.5, stats.median());
      assertEquals(Verdict.NO_CONSENSUS, stats.verdict());
    }

    @Test
    @DisplayName("maxIqr 2 on a 1–10 scale admits the IQR of 2 that a 1–9 scale does not")
    void tenPointScale() {
      RatingStats stats = stats(Criteria.defaults(1, 10).withRule(Rule.MEDIAN_IQR), 7, 7, 8, 9, 9);
      assertEquals(2.0, stats.iqr());
      assertEquals(Verdict.CONSENSUS_IN, stats.verdict());
      assertEquals(Verdict.NO_CONSENSUS, stats(criteria, 7, 7, 8, 9, 9).verdict());
    }
  }

  @Nested
  class RandUclaRule {
    private final Criteria criteria = NINE.withRule(Rule.RAND_UCLA);

    @Test
    @DisplayName("a median of 6.5 without disagreement is uncertain: no consensus")
    void sixAndAHalf() {
      RatingStats stats = stats(criteria, 5, 6, 6, 7, 7, 8);
      assertClose(6.5, stats.median());
      assertClose(6.0, stats.p30());
      assertClose(7.0, stats.p70());
      assertClose(4.6, stats.ipras());
      assertEquals(Appropriateness.UNCERTAIN, stats.rand());
      assertEquals(Verdict.NO_CONSENSUS, stats.verdict());
    }

    @Test
    @DisplayName("a median of 3.5 without disagreement is uncertain, as 6.5 is: the cut-offs are symmetric")
    void threeAndAHalf() {
      RatingStats stats = stats(criteria, 2, 3, 3, 4, 4, 5);
      assertClose(3.5, stats.median());
      assertClose(3.0, stats.p30());
      assertClose(4.0, stats.p70());
      assertEquals(Appropriateness.UNCERTAIN, stats.rand());
      assertEquals(Verdict.NO_CONSENSUS, stats.verdict());
    }

    @Test
    @DisplayName("a median of 3 without disagreement is inappropriate: consensus-out")
    void three() {
      RatingStats stats = stats(criteria, 2, 3, 3, 3, 4, 5);
      assertEquals(3.0, stats.median());
      assertEquals(Appropriateness.INAPPROPRIATE, stats.rand());
      assertEquals(Verdict.CONSENSUS_OUT, stats.verdict());
    }

    @Test
    @DisplayName("IPR = IPRAS exactly (1,1,1,1,6,7,7,7,7,8,8,8,8: both 3.4) is no disagreement: appropriate")
    void iprEqualsIpras() {
      RatingStats stats = stats(criteria, 1, 1, 1, 1, 6, 7, 7, 7, 7, 8, 8, 8, 8);
      // P30 = x(4.6) = 1 + 0.6·5 = 4, P70 = x(9.4) = 7.4; IPR 3.4, IPRCP 5.7, AI 0.7, IPRAS 2.35 + 1.05 = 3.4.
      assertEquals(3.4, stats.ipr());
      assertEquals(3.4, stats.ipras());
      assertEquals(7.4, stats.p70());
      assertFalse(stats.randDisagreement());
      assertEquals(Appropriateness.APPROPRIATE, stats.rand());
      assertEquals(Verdict.CONSENSUS_IN, stats.verdict());
    }

    @Test
    @DisplayName("a split panel (IPR 8 > IPRAS 2.35) is in disagreement: uncertain despite a median of 9")
    void disagreement() {
      RatingStats stats = stats(criteria, repeat(1, 4, 9, 6));
      assertClose(9.0, stats.median());
      assertClose(8.0, stats.ipr());
      assertClose(2.35, stats.ipras());
      assertTrue(stats.randDisagreement());
      assertEquals(Appropriateness.UNCERTAIN, stats.rand());
      assertEquals(Verdict.NO_CONSENSUS, stats.verdict());
    }
  }
}
