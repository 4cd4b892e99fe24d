package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class WilcoxonPropertiesTest {

  @Provide
  Arbitrary<List<Integer>> differences() {
    return Arbitraries.integers().between(-6, 6).list().ofMaxSize(80);
  }

  /** Up to 14 distinct magnitudes, each with a random sign: the exact test applies. */
  @Provide
  Arbitrary<List<Integer>> untied() {
    return Arbitraries.integers().between(1, 40).set().ofMaxSize(14)
        .flatMap(magnitudes -> Arbitraries.of(1, -1).list().ofSize(magnitudes.size())
            .map(signs -> {
              List<Integer> list = List.copyOf(magnitudes);
              return IntStream.range(0, list.size()).mapToObj(i -> list.get(i) * signs.get(i)).toList();
            }));
  }

  /** Up to 14 non-zero differences from few magnitudes, so that most samples hold ties, and a few zeros. */
  @Provide
  Arbitrary<List<Integer>> tied() {
    return Arbitraries.integers().between(-4, 4).list().ofMaxSize(16)
        .filter(list -> list.stream().filter(d -> d != 0).count() <= 14);
  }

  @Property
  @Label("with ties the exact p equals counting all 2^n' sign assignments of the midranks")
  void tiedExactByEnumeration(@ForAll("tied") List<Integer> differences) {
    List<Integer> nonZero = differences.stream().filter(d -> d != 0).toList();
    int n = nonZero.size();
    // Twice each midrank: the |d| below it, doubled, plus the size of its tie group plus one.
    int[] doubledRanks = new int[n];
    int doubledWPlus = 0;
    for (int i = 0; i < n; i++) {
      int magnitude = Math.abs(nonZero.get(i));
      long below = nonZero.stream().filter(d -> Math.abs(d) < magnitude).count();
      long equal = nonZero.stream().filter(d -> Math.abs(d) == magnitude).count();
      doubledRanks[i] = (int) (2 * below + equal + 1);
      doubledWPlus += nonZero.get(i) > 0 ? doubledRanks[i] : 0;
    }
    int mean = n * (n + 1) / 2;
    long atLeast = 0;
    for (int signs = 0; signs < 1 << n; signs++) {
      int sum = 0;
      for (int i = 0; i < n; i++) {
        sum += (signs >> i & 1) * doubledRanks[i];
      }
      atLeast += Math.abs(sum - mean) >= Math.abs(doubledWPlus - mean) ? 1 : 0;
    }
    WilcoxonResult result = Wilcoxon.signedRank(raw(differences));
    assertTrue(result.exact());
    assertEquals(doubledWPlus / 2.0, result.wPlus());
    assertEquals((double) atLeast / (1L << n), result.p());
  }

  @Property
  @Label("the test on counts of differences equals the test on the raw differences")
  void countsEqualRaw(@ForAll("differences") List<Integer> differences) {
    SortedMap<Double, Long> counts = new TreeMap<>();
    differences.forEach(d -> counts.merge(d.doubleValue(), 1L, Long::sum));
    assertEquals(Wilcoxon.signedRank(raw(differences)), Wilcoxon.signedRank(counts));
  }

  @Property
  @Label("W+ and W− share out all ranks 1..n', and p is a probability")
  void rankSums(@ForAll("differences") List<Integer> differences) {
    WilcoxonResult result = Wilcoxon.signedRank(raw(differences));
    long n = result.nonZeroPairs();
    assertEquals(n * (n + 1) / 2.0, result.wPlus() + result.wMinus());
    assertEquals(Math.min(result.wPlus(), result.wMinus()), result.t());
    assertTrue(result.p() > 0 && result.p() <= 1, () -> "p = " + result.p());
  }

  @Property
  @Label("the exact p equals counting all 2^n' sign patterns of the ranks")
  void exactByEnumeration(@ForAll("untied") List<Integer> differences) {
    WilcoxonResult result = Wilcoxon.signedRank(raw(differences));
    int n = differences.size();
    long atMostT = 0;
    for (int signs = 0; signs < 1 << n; signs++) {
      int wPlus = 0;
      for (int rank = 1; rank <= n; rank++) {
        wPlus += (signs >> (rank - 1) & 1) * rank;
      }
      atMostT += wPlus <= result.t() ? 1 : 0;
    }
    assertTrue(result.exact());
    assertEquals(Math.min(1.0, 2.0 * atMostT / (1L << n)), result.p());
  }

  private static double[] raw(List<Integer> differences) {
    return differences.stream().mapToDouble(Integer::doubleValue).toArray();
  }
}
