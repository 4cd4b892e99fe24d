package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/** Kendall's W against the textbook formula over Commons Math's own average ranking. */
class KendallWPropertiesTest {

  /** 2–12 respondents ranking 2–7 options, ties likely. */
  @Provide
  Arbitrary<double[][]> rankings() {
    return Arbitraries.integers().between(2, 7).flatMap(n -> Arbitraries.integers().between(1, n)
        .map(Integer::doubleValue).array(double[].class).ofSize(n)
        .array(double[][].class).ofMinSize(2).ofMaxSize(12));
  }

  @Property
  @Label("W, T and χ² equal the textbook formula over NaturalRanking's average ranks, p ChiSquaredDistribution's")
  void textbook(@ForAll("rankings") double[][] rows) {
    int m = rows.length;
    int n = rows[0].length;
    NaturalRanking ranking = new NaturalRanking(TiesStrategy.AVERAGE);
    double[] rankSums = new double[n];
    double tieTerm = 0;
    for (double[] row : rows) {
      double[] ranks = ranking.rank(row);
      Arrays.setAll(rankSums, i -> rankSums[i] + ranks[i]);
      for (double value : Arrays.stream(row).distinct().toArray()) {
        long t = Arrays.stream(row).filter(x -> x == value).count();
        tieTerm += t * t * t - t;
      }
    }
    double mean = Arrays.stream(rankSums).average().orElseThrow();
    double s = Arrays.stream(rankSums).map(r -> (r - mean) * (r - mean)).sum();
    double w = 12 * s / (m * m * (Math.pow(n, 3) - n) - m * tieTerm);
    KendallW.Result result = KendallW.of(rows);
    assertEquals(tieTerm, result.t());
    assertEquals(s, result.s(), 1e-9 * s + 1e-12);
    if (Double.isNaN(w)) {
      assertEquals(Double.NaN, result.w());
      return;
    }
    assertEquals(w, result.w(), 1e-12);
    assertEquals(m * (n - 1) * w, result.chiSquare(), 1e-9);
    double p = 1 - new ChiSquaredDistribution(null, n - 1).cumulativeProbability(result.chiSquare());
    assertEquals(p, result.p(), 1e-9);
  }

  @Property
  @Label("a ranking tally gives the W of its respondents as rows")
  void tallyEqualsRows(@ForAll("rankings") double[][] rows) {
    List<String> options = IntStream.range(0, rows[0].length).mapToObj(i -> "o" + i).toList();
    RankingTally.Builder builder = new RankingTally.Builder(options);
    for (double[] row : rows) {
      Map<String, Double> ranks = new HashMap<>();
      for (int i = 0; i < row.length; i++) {
        ranks.put(options.get(i), row[i]);
      }
      builder.add(ranks);
    }
    RankingStats stats = RankingStats.of(builder.build());
    KendallW.Result result = KendallW.of(rows);
    assertEquals(Double.isNaN(result.w()) ? null : result.w(), stats.kendallW());
    assertEquals(Double.isNaN(result.w()) ? null : result.p(), stats.p());
  }
}
