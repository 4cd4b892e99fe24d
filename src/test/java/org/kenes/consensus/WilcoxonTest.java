package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kenes.consensus.Tolerance.assertClose;
import static org.kenes.consensus.Tolerance.assertPValue;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Expected values: scipy.stats.wilcoxon(d, zero_method='wilcox', correction=False) in expected.py; with ties, the
 * exact conditional p by enumeration of every sign assignment (n' ≤ 17) or by a second, independent count (n' = 50),
 * and the asymptotic one by CONSENSUS.md's formula, in expected.py.
 */
class WilcoxonTest {
  private static final double[] TIED = {1, 1, 1, 2, -1, -2, 3, 1, 2, 0, 0, -1, 1, 2, 2, 1, -3, 4, 1, 0};

  /** 1..n with every third one negative: no ties, so only n decides exactness. */
  private static double[] boundary(int n) {
    return IntStream.rangeClosed(1, n).mapToDouble(i -> i % 3 == 0 ? -i : i).toArray();
  }

  @Test
  @DisplayName("SciPy's documented example gives T = 24 and the exact p = 0.041259765625")
  void scipyExample() {
    WilcoxonResult result = Wilcoxon.signedRank(
        new double[] {6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75});
    assertEquals(15, result.nonZeroPairs());
    assertEquals(24.0, result.t());
    assertEquals(24.0, result.wMinus());
    assertEquals(96.0, result.wPlus());
    assertTrue(result.exact());
    assertEquals(0.041259765625, result.p(), 1e-15);
  }

  @Test
  @DisplayName("with 50 untied pairs p is exact, as SciPy's exact method gives it")
  void fiftyPairsExact() {
    WilcoxonResult result = Wilcoxon.signedRank(boundary(50));
    assertTrue(result.exact());
    assertEquals(408.0, result.t());
    assertPValue(0.02616696817119646, result.p());
  }

  @Test
  @DisplayName("with 51 pairs p comes from the normal approximation, as SciPy's asymptotic method gives it")
  void fiftyOnePairsAsymptotic() {
    WilcoxonResult result = Wilcoxon.signedRank(boundary(51));
    assertFalse(result.exact());
    assertEquals(459.0, result.t());
    assertPValue(0.055852182035584695, result.p());
  }

  @Test
  @DisplayName("d = +1, +1, −1: the exact p is 1 (the normal approximation said 0.564)")
  void smallTiedExact() {
    WilcoxonResult result = Wilcoxon.signedRank(new double[] {1, 1, -1});
    assertTrue(result.exact());
    assertEquals("exact", result.method());
    assertEquals(4.0, result.wPlus());
    assertEquals(1.0, result.p());
  }

  @Test
  @DisplayName("ties among |d| with n' ≤ 50 give the exact conditional p, zeros dropped (2095/32768)")
  void tiesExact() {
    WilcoxonResult result = Wilcoxon.signedRank(TIED);
    assertTrue(result.exact());
    assertEquals(17, result.nonZeroPairs());
    assertEquals(115.5, result.wPlus());
    assertEquals(37.5, result.wMinus());
    assertEquals(37.5, result.t());
    assertEquals(2095.0 / 32768, result.p());
  }

  @Test
  @DisplayName("50 tied pairs are still exact: 675601369455 / 2^49, as a second count by dynamic programming gives")
  void fiftyTiedPairsExact() {
    double[] tied = thrice(TIED, 2);
    WilcoxonResult result = Wilcoxon.signedRank(tied);
    assertEquals(50, result.nonZeroPairs());
    assertEquals(958.5, result.wPlus());
    assertTrue(result.exact());
    assertEquals(675601369455.0 / 562949953421312.0, result.p());
  }

  @Test
  @DisplayName("51 tied pairs take the normal approximation with tie correction, no continuity correction")
  void tiesAsymptotic() {
    WilcoxonResult result = Wilcoxon.signedRank(thrice(TIED, 0));
    assertFalse(result.exact());
    assertEquals("asymptotic", result.method());
    assertEquals(51, result.nonZeroPairs());
    assertClose(1000.5, result.wPlus());
    assertClose(325.5, result.t());
    assertPValue(0.0012245892360459448, result.p());
  }

  /** The differences three times over, less the last {@code dropped}. */
  private static double[] thrice(double[] differences, int dropped) {
    double[] out = new double[3 * differences.length - dropped];
    for (int i = 0; i < out.length; i++) {
      out[i] = differences[i % differences.length];
    }
    return out;
  }

  @Test
  @DisplayName("counts of differences give the same result as the raw differences")
  void countsEqualRaw() {
    Map<Double, Long> counts = new TreeMap<>();
    for (double d : TIED) {
      counts.merge(d, 1L, Long::sum);
    }
    assertEquals(Wilcoxon.signedRank(TIED), Wilcoxon.signedRank(new TreeMap<>(counts)));
  }

  @Test
  @DisplayName("no non-zero pair gives p = 1 and T = 0")
  void noNonZeroPairs() {
    WilcoxonResult result = Wilcoxon.signedRank(new double[] {0, 0, 0});
    assertEquals(new WilcoxonResult(0, 0, 0, 0, 1, true), result);
    assertEquals(result, Wilcoxon.signedRank(new double[0]));
  }

  @Test
  @DisplayName("a single pair cannot be significant: p = 1")
  void singlePair() {
    WilcoxonResult result = Wilcoxon.signedRank(new double[] {3});
    assertEquals(1.0, result.wPlus());
    assertEquals(0.0, result.t());
    assertEquals(1.0, result.p());
  }

  @Test
  @DisplayName("two-sided p is capped at 1 when W+ sits at the centre of its distribution")
  void pCappedAtOne() {
    WilcoxonResult result = Wilcoxon.signedRank(new double[] {1, -2, -3, 4});
    assertEquals(5.0, result.wPlus());
    assertEquals(5.0, result.wMinus());
    assertEquals(1.0, result.p());
  }

  @Test
  @DisplayName("a difference that is not a finite number, or a negative count, is refused")
  void invalid() {
    assertThrows(IllegalArgumentException.class, () -> Wilcoxon.signedRank(new double[] {1, Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> Wilcoxon.signedRank(new TreeMap<>(Map.of(1.0, -1L))));
  }
}
