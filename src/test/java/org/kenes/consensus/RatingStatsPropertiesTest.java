package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/** Statistics read off the histogram equal Commons Math's on the expanded ratings. */
class RatingStatsPropertiesTest {
  /** What binary rounding at each of Percentile's steps may cost on a scale of at most 14 points. */
  private static final double ROUNDING = 1e-12;

  /** Answers on a scale; null is "unable to rate". */
  record Answers(int min, int max, List<Integer> values) {
    RatingTally tally() {
      return RatingTally.of(min, max, values);
    }

    double[] valid() {
      return values.stream().filter(Objects::nonNull).mapToDouble(Integer::doubleValue).toArray();
    }
  }

  @Provide
  Arbitrary<Answers> answers() {
    return Combinators.combine(Arbitraries.integers().between(-3, 2), Arbitraries.integers().between(1, 10))
        .flatAs((min, width) -> Arbitraries.integers().between(min, min + width).injectNull(0.1)
            .list().ofMaxSize(60).map(values -> new Answers(min, min + width, values)));
  }

  @Provide
  Arbitrary<Answers> rated() {
    return answers().filter(answers -> answers.valid().length > 0);
  }

  @Property
  @Label("every quantile type read off the histogram equals Percentile on the expanded data, but for its rounding")
  void quantilesEqualPercentile(@ForAll("rated") Answers answers, @ForAll EstimationType type,
      @ForAll @DoubleRange(min = 0.5, max = 100) double percent) {
    Assume.that(!onRoundingEdge(type, answers.valid().length, BigDecimal.valueOf(percent).movePointLeft(2)));
    double expected = new Percentile().withEstimationType(type).evaluate(answers.valid(), percent);
    // Percentile rounds at every step in binary; Kenes computes the rational exactly and rounds once.
    assertEquals(expected, Quantile.of(answers.tally(), percent / 100, type), 1e-12 * (1 + Math.abs(expected)));
  }

  @Property
  @Label("median, quartiles, p30 and p70 equal Percentile with the study's estimation type")
  void reportedQuantiles(@ForAll("rated") Answers answers, @ForAll EstimationType type) {
    Percentile percentile = new Percentile().withEstimationType(type);
    percentile.setData(answers.valid());
    RatingTally tally = answers.tally();
    RatingStats stats = RatingStats.of(tally, Criteria.defaults(answers.min(), answers.max()).withQuantiles(type));
    assertEquals(percentile.evaluate(50), stats.median(), ROUNDING);
    assertEquals(percentile.evaluate(25), stats.q1(), ROUNDING);
    assertEquals(percentile.evaluate(75), stats.q3(), ROUNDING);
    assertEquals(percentile.evaluate(75) - percentile.evaluate(25), stats.iqr(), ROUNDING);
    int n = answers.valid().length;
    if (!onRoundingEdge(type, n, new BigDecimal("0.3"))) {
      assertEquals(percentile.evaluate(30), Quantile.of(tally, 0.30, type), ROUNDING);
    }
    if (!onRoundingEdge(type, n, new BigDecimal("0.7"))) {
      assertEquals(percentile.evaluate(70), Quantile.of(tally, 0.70, type), ROUNDING);
    }
  }

  /**
   * Where Percentile and the exact quantile part by construction: the discontinuous types round n·p to an order
   * statistic (R_1 and R_2 at a whole n·p, R_3 at a half), and Percentile's binary n·p (45 × 0.7 =
   * 31.499999999999996) may land on the other side of the edge than the exact value does. Those cases are the
   * point of computing exactly; {@code PercentileTypesTest.roundingEdges} checks them against R's definition.
   */
  private static boolean onRoundingEdge(EstimationType type, int n, BigDecimal p) {
    BigDecimal np = p.multiply(BigDecimal.valueOf(n));
    return switch (type) {
      case R_1, R_2 -> np.stripTrailingZeros().scale() <= 0;
      case R_3 -> np.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() <= 0
          && np.stripTrailingZeros().scale() > 0;
      default -> false;
    };
  }

  @Property
  @Label("mean, sd and cv equal DescriptiveStatistics on the expanded data")
  void moments(@ForAll("rated") Answers answers) {
    DescriptiveStatistics direct = new DescriptiveStatistics(answers.valid());
    RatingStats stats = RatingStats.of(answers.tally(), Criteria.defaults(answers.min(), answers.max()));
    assertEquals(direct.getN(), stats.n());
    assertEquals(direct.getMean(), stats.mean(), 1e-12 * Math.abs(direct.getMean()) + 1e-15);
    if (direct.getN() < 2) {
      assertNull(stats.sd());
    } else {
      double sd = direct.getStandardDeviation();
      assertEquals(sd, stats.sd(), 1e-12 * sd + 1e-15);
      if (stats.cv() != null) {
        assertEquals(sd / direct.getMean(), stats.cv(), 1e-12 * Math.abs(sd / direct.getMean()) + 1e-15);
      }
    }
  }

  @Property
  @Label("shares are the counts in each band over the valid ratings, and sum to 1")
  void shares(@ForAll("rated") Answers answers) {
    Criteria criteria = Criteria.defaults(answers.min(), answers.max());
    RatingStats stats = RatingStats.of(answers.tally(), criteria);
    double[] valid = answers.valid();
    assertEquals(count(valid, criteria.agree()) / (double) valid.length, stats.agree());
    assertEquals(count(valid, criteria.disagree()) / (double) valid.length, stats.disagree());
    assertEquals(1, stats.agree() + stats.neutral() + stats.disagree(), 1e-12);
  }

  @Property
  @Label("unable to rate counts apart and the histogram sums to n")
  void counts(@ForAll("answers") Answers answers) {
    RatingStats stats = RatingStats.of(answers.tally(), Criteria.defaults(answers.min(), answers.max()));
    assertEquals(answers.values().stream().filter(Objects::isNull).count(), stats.unable());
    assertEquals(stats.n(), stats.histogram().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(answers.max() - answers.min() + 1, stats.histogram().size());
  }

  @Property
  @Label("the overall statistics of panels equal those of all their answers together")
  void panelsAddUp(@ForAll("answers") Answers answers, @ForAll @DoubleRange(min = 0, max = 1) double split) {
    int cut = (int) (split * answers.values().size());
    Criteria criteria = Criteria.defaults(answers.min(), answers.max());
    RatingItemResult result = RatingItems.analyse(Map.of(
        "a", RatingTally.of(answers.min(), answers.max(), answers.values().subList(0, cut)),
        "b", RatingTally.of(answers.min(), answers.max(), answers.values().subList(cut, answers.values().size()))),
        criteria);
    assertEquals(RatingStats.of(answers.tally(), criteria), result.overall());
  }

  private static long count(double[] values, Band band) {
    return Arrays.stream(values).filter(band::contains).count();
  }
}
