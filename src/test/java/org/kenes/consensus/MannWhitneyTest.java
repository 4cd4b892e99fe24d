package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kenes.consensus.Tolerance.assertPValue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Expected values: scipy.stats.mannwhitneyu (SciPy 1.17.1) with method='exact' and 'asymptotic', and with ties the
 * exact conditional p by enumeration of every split, in expected.py.
 */
class MannWhitneyTest {
  private static final int[] STAYERS = {7, 8, 8, 9, 7, 6, 9, 8};
  private static final int[] LEAVERS = {4, 6, 5, 7, 3};

  @Test
  @DisplayName("SciPy's documented example gives U = 17 and the exact p = 1/9, the asymptotic p = 0.11134688653314041")
  void scipyExample() {
    int[] males = {19, 22, 16, 29, 24};
    int[] females = {20, 11, 17, 12};
    MannWhitneyResult exact = MannWhitney.test(males, females);
    assertEquals(17.0, exact.u());
    assertTrue(exact.exact());
    assertEquals("exact", exact.method());
    assertEquals(0.1111111111111111, exact.p(), 1e-15);
    MannWhitneyResult asymptotic = MannWhitney.asymptotic(males, females);
    assertFalse(asymptotic.exact());
    assertPValue(0.11134688653314041, asymptotic.p());
  }

  @Test
  @DisplayName("with 50 untied ratings p is exact, as SciPy's exact method gives it")
  void fiftyExact() {
    int[] first = IntStream.rangeClosed(1, 50).filter(v -> v % 2 == 1 || v > 40).toArray();
    int[] second = IntStream.rangeClosed(1, 50).filter(v -> v % 2 == 0 && v <= 40).toArray();
    MannWhitneyResult result = MannWhitney.test(first, second);
    assertTrue(result.exact());
    assertEquals(390.0, result.u());
    assertPValue(0.07619606890726725, result.p());
  }

  @Test
  @DisplayName("with 51 ratings p comes from the normal approximation, as SciPy's asymptotic method gives it")
  void fiftyOneAsymptotic() {
    int[] first = IntStream.rangeClosed(1, 51).filter(v -> v % 2 == 1 || v > 40).toArray();
    int[] second = IntStream.rangeClosed(1, 50).filter(v -> v % 2 == 0 && v <= 40).toArray();
    MannWhitneyResult result = MannWhitney.test(first, second);
    assertFalse(result.exact());
    assertEquals(410.0, result.u());
    assertPValue(0.05490540125688835, result.p());
  }

  @Test
  @DisplayName("tied ratings of 55 panelists take SciPy's tie-corrected asymptotic p")
  void tiedAsymptotic() {
    int[] stayers = {6, 3, 7, 1, 2, 9, 2, 6, 1, 9, 4, 1, 2, 7, 7, 2, 4, 2, 9, 7, 1, 2, 4, 1, 7, 1, 4, 1, 9, 3};
    int[] leavers = {3, 4, 2, 5, 1, 5, 3, 5, 7, 6, 2, 1, 5, 5, 6, 2, 3, 1, 5, 6, 1, 5, 1, 5, 2};
    MannWhitneyResult result = MannWhitney.test(stayers, leavers);
    assertFalse(result.exact());
    assertEquals(398.0, result.u());
    assertPValue(0.7003949768074799, result.p());
  }

  @Test
  @DisplayName("tied ratings of a small panel take the exact p given their midranks: 8/1287 by enumeration")
  void tiedExact() {
    MannWhitneyResult result = MannWhitney.test(STAYERS, LEAVERS);
    assertTrue(result.exact());
    assertEquals(37.5, result.u());
    assertEquals(8.0 / 1287, result.p(), 1e-15);
    assertPValue(0.011620980084714794, MannWhitney.asymptotic(STAYERS, LEAVERS).p());
    assertEquals(0.4, MannWhitney.test(new int[] {5, 5, 6}, new int[] {5, 6, 6, 7}).p(), 1e-15);
  }

  @Test
  @DisplayName("the test is symmetric: swapping the samples gives U₂ = n₁n₂ − U₁ and the same p")
  void symmetric() {
    MannWhitneyResult forward = MannWhitney.test(STAYERS, LEAVERS);
    MannWhitneyResult back = MannWhitney.test(LEAVERS, STAYERS);
    assertEquals(40 - forward.u(), back.u());
    assertEquals(forward.p(), back.p(), 1e-15);
  }

  @Test
  @DisplayName("identical ratings in both samples give p = 1, exact or not")
  void allTied() {
    assertEquals(1.0, MannWhitney.test(new int[] {5, 5, 5}, new int[] {5, 5}).p(), 1e-15);
    assertEquals(1.0, MannWhitney.asymptotic(new int[] {5, 5, 5}, new int[] {5, 5}).p(), 1e-15);
  }

  @Test
  @DisplayName("an empty sample is refused")
  void empty() {
    assertThrows(IllegalArgumentException.class, () -> MannWhitney.test(new int[0], new int[] {1}));
  }
}
