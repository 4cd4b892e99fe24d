package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** RAND/UCLA disagreement decided exactly, on panels built so that IPR equals IPRAS. */
class RandUclaPropertiesTest {

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  /** A 1–9 panel with its type-7 P30 and P70 computed independently, in decimals (they have tenths). */
  record Panel(List<Integer> sorted, BigDecimal p30, BigDecimal p70) {
    BigDecimal ipr() {
      return p70.subtract(p30);
    }

    BigDecimal ipras() {
      BigDecimal iprcp = p30.add(p70).divide(TWO);
      return new BigDecimal("2.35").add(new BigDecimal("1.5").multiply(BigDecimal.valueOf(5).subtract(iprcp).abs()));
    }

    static Panel of(List<Integer> sorted) {
      return new Panel(sorted, quantile(sorted, "0.3"), quantile(sorted, "0.7"));
    }

    /** h = (n − 1)p + 1, Q = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋), exactly. */
    private static BigDecimal quantile(List<Integer> sorted, String p) {
      BigDecimal h = BigDecimal.valueOf(sorted.size() - 1L).multiply(new BigDecimal(p)).add(BigDecimal.ONE);
      int floor = h.intValue();
      BigDecimal lower = BigDecimal.valueOf(sorted.get(floor - 1));
      if (floor >= sorted.size()) {
        return lower;
      }
      BigDecimal upper = BigDecimal.valueOf(sorted.get(floor));
      return lower.add(h.subtract(BigDecimal.valueOf(floor)).multiply(upper.subtract(lower)));
    }
  }

  /**
   * Panels whose IPR equals IPRAS: random panels of 3 to 40 ratings drawn from a few points (as real panels cluster),
   * kept only when the two are equal, which about one in 250 is.
   */
  @Provide
  Arbitrary<Panel> ipraEqualsIpras() {
    return Arbitraries.randomValue(random -> {
      while (true) {
        Panel panel = Panel.of(draw(random));
        if (panel.ipr().compareTo(panel.ipras()) == 0) {
          return panel;
        }
      }
    });
  }

  private static List<Integer> draw(Random random) {
    int[] points = {1 + random.nextInt(9), 1 + random.nextInt(9), 1 + random.nextInt(9)};
    List<Integer> values = new ArrayList<>();
    int n = 3 + random.nextInt(38);
    for (int i = 0; i < n; i++) {
      values.add(points[random.nextInt(points.length)]);
    }
    values.sort(null);
    return values;
  }

  @Property(tries = 300)
  @Label("IPR = IPRAS exactly is never a disagreement, and both read as the same number")
  void equalIsNoDisagreement(@ForAll("ipraEqualsIpras") Panel panel) {
    RatingStats stats = RatingStats.of(RatingTally.of(1, 9, panel.sorted()), Criteria.defaults(1, 9));
    assertFalse(stats.randDisagreement(), () -> panel.sorted() + ": IPR " + stats.ipr() + ", IPRAS " + stats.ipras());
    assertEquals(panel.ipr().doubleValue(), stats.ipr());
    assertEquals(stats.ipr(), stats.ipras());
    double median = stats.median();
    Appropriateness expected = median >= 7 ? Appropriateness.APPROPRIATE
        : median <= 3 ? Appropriateness.INAPPROPRIATE : Appropriateness.UNCERTAIN;
    assertEquals(expected, stats.rand());
  }
}
