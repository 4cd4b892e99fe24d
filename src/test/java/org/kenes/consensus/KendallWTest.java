package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kenes.consensus.Tolerance.assertClose;
import static org.kenes.consensus.Tolerance.assertPValue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Expected values: expected.py (numpy rankdata, scipy.stats.chi2.sf). */
class KendallWTest {
  /** DTSEA documentation data, one row per rater (the documentation prints raters as columns). */
  static final double[][] DTSEA = {{1, 5, 7, 2, 8}, {1, 6, 8, 3, 6}, {2, 5, 4, 2, 5}};

  @Test
  @DisplayName("DTSEA's three raters of five objects give S = 71.5, T = 18, W = 0.836257")
  void dtsea() {
    KendallW.Result result = KendallW.of(DTSEA);
    assertClose(71.5, result.s());
    assertClose(18, result.t());
    assertClose(0.8362573099415205, result.w());
    assertClose(10.035087719298247, result.chiSquare());
    assertEquals(4, result.df());
    assertPValue(0.03984076357868589, result.p());
  }

  @Test
  @DisplayName("strong agreement keeps a p of 9e-15 precise, not lost to 1 − cdf")
  void tinyP() {
    double[][] ranks = new double[12][];
    for (int i = 0; i < 12; i++) {
      ranks[i] = i < 6 ? new double[] {1, 2, 3, 4, 5, 6, 7, 8}
          : i < 10 ? new double[] {2, 1, 3, 4, 5, 6, 8, 7} : new double[] {1, 3, 2, 4, 6, 5, 7, 8};
    }
    KendallW.Result result = KendallW.of(ranks);
    assertClose(5824, result.s());
    assertClose(0.9629629629629629, result.w());
    assertClose(80.88888888888889, result.chiSquare());
    assertPValue(9.07335980789099e-15, result.p());
  }

  @Test
  @DisplayName("raw ranks are normalised first: 10, 20, 30 reads as 1, 2, 3")
  void normalisesRanks() {
    assertEquals(KendallW.of(new double[][] {{1, 2, 3}, {2, 1, 3}}),
        KendallW.of(new double[][] {{10, 20, 30}, {5, 1, 7}}));
  }

  @Test
  @DisplayName("perfect agreement is W = 1, perfectly opposed pairs W = 0")
  void extremes() {
    assertClose(1, KendallW.of(new double[][] {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}}).w());
    assertEquals(0.0, KendallW.of(new double[][] {{1, 2, 3}, {3, 2, 1}}).w());
  }

  @Test
  @DisplayName("when every respondent ties every option W is undefined (NaN)")
  void allTies() {
    KendallW.Result result = KendallW.of(new double[][] {{1, 1, 1}, {2, 2, 2}});
    assertEquals(48.0, result.t());
    assertTrue(Double.isNaN(result.w()));
    assertTrue(Double.isNaN(result.p()));
  }

  @Test
  @DisplayName("fewer than two respondents or options, or ragged rows, are refused")
  void invalid() {
    assertThrows(IllegalArgumentException.class, () -> KendallW.of(new double[][] {{1, 2, 3}}));
    assertThrows(IllegalArgumentException.class, () -> KendallW.of(new double[][] {{1}, {1}}));
    assertThrows(IllegalArgumentException.class, () -> KendallW.of(new double[][] {{1, 2}, {1, 2, 3}}));
  }
}
