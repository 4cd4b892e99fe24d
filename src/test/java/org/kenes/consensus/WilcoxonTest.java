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

/** Expected values: scipy.stats.wilcoxon(d, zero_method='wilcox', correction=False) in expected.py. */
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
  @DisplayName("ties among |d| switch to the normal approximation with tie correction, zeros dropped")
  void tiesAsymptotic() {
    WilcoxonResult result = Wilcoxon.signedRank(TIED);
    assertFalse(result.exact());
    assertEquals(17, result.nonZeroPairs());
    assertClose(115.5, result.wPlus());
    assertClose(37.5, result.wMinus());
    assertClose(37.5, result.t());
    assertPValue(0.05959727785002021, result.p());
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
