package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriteriaTest {

  @ParameterizedTest(name = "{0}..{1} → agree {2}..{3}, disagree {4}..{5}, maxIqr {6}")
  @CsvSource({
      "1, 9, 7, 9, 1, 3, 1",
      "1, 7, 5, 7, 1, 3, 1",
      "1, 5, 4, 5, 1, 2, 1",
      "1, 10, 7, 10, 1, 4, 2",
      "0, 10, 7, 10, 0, 3, 2",
      "1, 4, 3, 4, 1, 2, 1",
      "-3, 3, 1, 3, -3, -1, 1"})
  @DisplayName("default bands are the top and bottom third of the scale, rounded up")
  void defaultBands(int min, int max, int agreeLow, int agreeHigh, int disagreeLow, int disagreeHigh, double maxIqr) {
    Criteria criteria = Criteria.defaults(min, max);
    assertEquals(new Band(agreeLow, agreeHigh), criteria.agree());
    assertEquals(new Band(disagreeLow, disagreeHigh), criteria.disagree());
    assertEquals(maxIqr, criteria.maxIqr());
  }

  @Test
  @DisplayName("the other defaults are the 70/15 percent rule, 5 responses, type 7, cells of 3 and 15 % stability")
  void otherDefaults() {
    Criteria criteria = Criteria.defaults(1, 9);
    assertEquals(Rule.PERCENT, criteria.rule());
    assertEquals(0.70, criteria.inAgreeAtLeast());
    assertEquals(0.15, criteria.inDisagreeBelow());
    assertEquals(5, criteria.minResponses());
    assertFalse(criteria.perPanel());
    assertEquals(EstimationType.R_7, criteria.quantiles());
    assertEquals(3, criteria.minCell());
    assertEquals(15, criteria.stableBelowPct());
  }

  @Test
  @DisplayName("the rand-ucla rule is refused on any scale but 1–9")
  void randNeedsNinePoints() {
    assertThrows(IllegalArgumentException.class, () -> Criteria.defaults(1, 7).withRule(Rule.RAND_UCLA));
    assertEquals(Rule.RAND_UCLA, Criteria.defaults(1, 9).withRule(Rule.RAND_UCLA).rule());
  }

  @Test
  @DisplayName("bands off the scale, overlapping bands and a one-point scale are refused")
  void invalidSettings() {
    Criteria base = Criteria.defaults(1, 9);
    assertThrows(IllegalArgumentException.class, () -> new Criteria(1, 9, Rule.PERCENT, new Band(7, 10),
        base.disagree(), 0.7, 0.15, 1, 5, false, EstimationType.R_7, 3, 15));
    assertThrows(IllegalArgumentException.class, () -> new Criteria(1, 9, Rule.PERCENT, new Band(3, 9),
        base.disagree(), 0.7, 0.15, 1, 5, false, EstimationType.R_7, 3, 15));
    assertThrows(IllegalArgumentException.class, () -> new Criteria(1, 9, Rule.PERCENT, base.agree(),
        base.disagree(), 1.2, 0.15, 1, 5, false, EstimationType.R_7, 3, 15));
    assertThrows(IllegalArgumentException.class, () -> new Criteria(1, 9, Rule.PERCENT, base.agree(),
        base.disagree(), 0.7, 0.15, 1, 0, false, EstimationType.R_7, 3, 15));
    assertThrows(IllegalArgumentException.class, () -> Criteria.defaults(5, 5));
    assertThrows(IllegalArgumentException.class, () -> new Band(3, 2));
  }

  @Test
  @DisplayName("a band holds the values between its ends, both included, and nothing between points outside")
  void bandContains() {
    Band agree = new Band(7, 9);
    assertFalse(agree.contains(6.5));
    assertEquals(true, agree.contains(7));
    assertEquals(true, agree.contains(9));
    assertFalse(agree.contains(9.5));
  }
}
