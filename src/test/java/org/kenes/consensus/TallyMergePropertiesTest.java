package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** Tallies merge: the tally of two batches of answers together is the sum of their tallies. */
class TallyMergePropertiesTest {
  private static final List<String> OPTIONS = List.of("a", "b", "c", "d");

  @Provide
  Arbitrary<List<Integer>> ratings() {
    return Arbitraries.integers().between(1, 7).injectNull(0.1).list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<List<Tuple2<Integer, Integer>>> pairs() {
    Arbitrary<Integer> rating = Arbitraries.integers().between(1, 9);
    return rating.flatMap(previous -> rating.map(current -> Tuple.of(previous, current))).list().ofMaxSize(40);
  }

  /** Rankings of four options with ties and, now and then, an option left unranked. */
  @Provide
  Arbitrary<List<Map<String, Integer>>> rankings() {
    return Arbitraries.integers().between(1, 4).injectNull(0.05).list().ofSize(OPTIONS.size())
        .map(ranks -> {
          Map<String, Integer> byOption = new HashMap<>();
          for (int i = 0; i < OPTIONS.size(); i++) {
            if (ranks.get(i) != null) {
              byOption.put(OPTIONS.get(i), ranks.get(i));
            }
          }
          return byOption;
        })
        .list().ofMaxSize(20);
  }

  @Property
  @Label("a rating tally of a ++ b equals tally(a).plus(tally(b))")
  void ratingTallies(@ForAll("ratings") List<Integer> a, @ForAll("ratings") List<Integer> b) {
    RatingTally left = RatingTally.of(1, 7, a);
    RatingTally right = RatingTally.of(1, 7, b);
    assertEquals(RatingTally.of(1, 7, concat(a, b)), left.plus(right));
    assertEquals(left.plus(right), right.plus(left));
    assertEquals(left, left.plus(RatingTally.empty(1, 7)));
  }

  @Property
  @Label("a paired tally of a ++ b equals tally(a).plus(tally(b))")
  void pairedTallies(@ForAll("pairs") List<Tuple2<Integer, Integer>> a,
      @ForAll("pairs") List<Tuple2<Integer, Integer>> b) {
    PairedTally merged = paired(a).plus(paired(b));
    assertEquals(paired(concat(a, b)), merged);
    assertEquals(a.size() + b.size(), merged.pairs());
    assertEquals(paired(a), paired(a).plus(PairedTally.empty()));
  }

  @Property
  @Label("a ranking tally of a ++ b equals tally(a).plus(tally(b)), and so do its statistics")
  void rankingTallies(@ForAll("rankings") List<Map<String, Integer>> a,
      @ForAll("rankings") List<Map<String, Integer>> b) {
    RankingTally merged = ranking(a).plus(ranking(b));
    assertEquals(ranking(concat(a, b)), merged);
    assertEquals(RankingStats.of(ranking(concat(a, b))), RankingStats.of(merged));
    assertEquals(a.size() + b.size(), merged.m() + merged.incomplete());
  }

  private static PairedTally paired(List<Tuple2<Integer, Integer>> pairs) {
    PairedTally.Builder builder = new PairedTally.Builder();
    pairs.forEach(pair -> builder.add(pair.get1(), pair.get2()));
    return builder.build();
  }

  private static RankingTally ranking(List<Map<String, Integer>> respondents) {
    RankingTally.Builder builder = new RankingTally.Builder(OPTIONS);
    respondents.forEach(builder::add);
    return builder.build();
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
