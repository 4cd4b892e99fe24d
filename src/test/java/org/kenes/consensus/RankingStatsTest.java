package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.kenes.consensus.Tolerance.assertClose;
import static org.kenes.consensus.Tolerance.assertPValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values: expected.py ("Mean ranks and Borda shares", "Kendall's W"). */
class RankingStatsTest {
  private static final List<String> OPTIONS = List.of("audit", "feedback", "training", "incentives", "data");

  private static Map<String, Double> byOption(double... ranks) {
    Map<String, Double> map = new HashMap<>();
    for (int i = 0; i < ranks.length; i++) {
      map.put(OPTIONS.get(i), ranks[i]);
    }
    return map;
  }

  private static RankingTally dtsea() {
    RankingTally.Builder builder = new RankingTally.Builder(OPTIONS);
    for (double[] respondent : KendallWTest.DTSEA) {
      builder.add(byOption(respondent));
    }
    return builder.build();
  }

  @Test
  @DisplayName("the DTSEA rankings give numpy's mean ranks and Borda shares, in option order")
  void meanRanksAndBorda() {
    RankingStats stats = RankingStats.of(dtsea());
    assertEquals(OPTIONS, List.copyOf(stats.meanRanks().keySet()));
    double[] meanRanks = {1.1666666666666667, 3.6666666666666665, 4.0, 1.8333333333333333, 4.333333333333333};
    double[] borda = {0.9666666666666667, 0.4666666666666667, 0.4, 0.8333333333333334, 0.3333333333333333};
    for (int i = 0; i < OPTIONS.size(); i++) {
      assertClose(meanRanks[i], stats.meanRanks().get(OPTIONS.get(i)));
      assertClose(borda[i], stats.borda().get(OPTIONS.get(i)));
    }
  }

  @Test
  @DisplayName("a tally of rankings gives the Kendall's W of the same rankings as rows")
  void kendallFromTally() {
    RankingStats stats = RankingStats.of(dtsea());
    assertEquals(3, stats.m());
    assertClose(0.8362573099415205, stats.kendallW());
    assertClose(10.035087719298247, stats.chiSquare());
    assertEquals(4, stats.df());
    assertPValue(0.03984076357868589, stats.p());
  }

  @Test
  @DisplayName("a respondent who left an option unranked is counted as incomplete and left out of m")
  void incomplete() {
    Map<String, Double> missing = byOption(1, 2, 3, 4);
    Map<String, Double> nullRank = byOption(1, 2, 3, 4, 5);
    nullRank.put("data", null);
    RankingTally tally = dtsea().plus(new RankingTally.Builder(OPTIONS).add(missing).add(nullRank).build());
    RankingStats stats = RankingStats.of(tally);
    assertEquals(3, stats.m());
    assertEquals(2, stats.incomplete());
    assertClose(0.8362573099415205, stats.kendallW());
  }

  @Test
  @DisplayName("an unknown option id is refused")
  void unknownOption() {
    Map<String, Double> ranks = byOption(1, 2, 3, 4, 5);
    ranks.put("lottery", 6.0);
    assertThrows(IllegalArgumentException.class, () -> new RankingTally.Builder(OPTIONS).add(ranks));
  }

  @Test
  @DisplayName("ranks 1, 1, 2 are normalised to 1.5, 1.5, 3")
  void normalisedTies() {
    RankingTally tally = new RankingTally.Builder(List.of("a", "b", "c")).add(Map.of("a", 1, "b", 1, "c", 2)).build();
    assertEquals(Map.of("a", 1.5, "b", 1.5, "c", 3.0), RankingStats.of(tally).meanRanks());
  }

  @Test
  @DisplayName("one respondent has mean ranks and Borda shares but no W")
  void oneRespondent() {
    RankingTally tally = new RankingTally.Builder(List.of("a", "b")).add(Map.of("a", 2, "b", 1)).build();
    RankingStats stats = RankingStats.of(tally);
    assertEquals(Map.of("a", 2.0, "b", 1.0), stats.meanRanks());
    assertEquals(Map.of("a", 0.5, "b", 1.0), stats.borda());
    assertNull(stats.kendallW());
    assertNull(stats.chiSquare());
    assertNull(stats.p());
    assertEquals(1, stats.df());
  }

  @Test
  @DisplayName("no respondents give empty maps and no W")
  void noRespondents() {
    RankingStats stats = RankingStats.of(RankingTally.empty(OPTIONS));
    assertEquals(Map.of(), stats.meanRanks());
    assertEquals(Map.of(), stats.borda());
    assertNull(stats.kendallW());
  }

  @Test
  @DisplayName("a single option has no W")
  void singleOption() {
    RankingTally tally = new RankingTally.Builder(List.of("a")).add(Map.of("a", 1)).add(Map.of("a", 1)).build();
    RankingStats stats = RankingStats.of(tally);
    assertNull(stats.kendallW());
    assertEquals(0, stats.df());
    assertEquals(Map.of("a", 1.0), stats.borda());
  }

  @Test
  @DisplayName("when every respondent ties every option W, χ² and p are null")
  void allTies() {
    RankingTally tally = new RankingTally.Builder(List.of("a", "b", "c"))
        .add(Map.of("a", 1, "b", 1, "c", 1)).add(Map.of("a", 2, "b", 2, "c", 2)).build();
    RankingStats stats = RankingStats.of(tally);
    assertNull(stats.kendallW());
    assertNull(stats.chiSquare());
    assertNull(stats.p());
    assertEquals(Map.of("a", 2.0, "b", 2.0, "c", 2.0), stats.meanRanks());
  }

  @Test
  @DisplayName("rankings of different options do not add up; repeated options are refused")
  void invalidOptions() {
    assertThrows(IllegalArgumentException.class,
        () -> RankingTally.empty(List.of("a", "b")).plus(RankingTally.empty(List.of("b", "a"))));
    assertThrows(IllegalArgumentException.class, () -> new RankingTally.Builder(List.of("a", "a")));
    assertThrows(IllegalArgumentException.class, () -> new RankingTally.Builder(List.of()));
  }

  @ParameterizedTest(name = "W = {0} reads {1}")
  @CsvSource({
      "0.0, very weak", "0.1, very weak", "0.1999, very weak", "0.2, weak", "0.3, weak", "0.4, moderate",
      "0.5, moderate", "0.6, strong", "0.7, strong", "0.8, unusually strong", "0.9, unusually strong",
      "1.0, unusually strong"})
  @DisplayName("Schmidt's reading: each anchor covers the values nearest to it")
  void strength(double w, String reading) {
    assertEquals(reading, RankingStats.strength(w));
  }

  @Test
  @DisplayName("a W outside [0, 1] has no reading")
  void strengthOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> RankingStats.strength(1.2));
    assertThrows(IllegalArgumentException.class, () -> RankingStats.strength(Double.NaN));
  }
}
