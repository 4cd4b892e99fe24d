package org.kenes.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

@Label("opinion groups, for any round")
class OpinionGroupsPropertiesTest {
  private static final String[] PANELS = {"policy", "regions", "providers", "patients", "minister"};

  /** Up to four camps of 1–25 panelists on 2–14 items, panels drawn at random, some ratings missing. */
  private static RoundRatings anyRound(long dataSeed, int camps, int items, double noise, double missing,
      int minCell) {
    Random random = new Random(dataSeed);
    List<Synthetic.Camp> list = new ArrayList<>();
    for (int c = 0; c < camps; c++) {
      int[] centres = new int[items];
      for (int j = 0; j < items; j++) {
        centres[j] = 1 + random.nextInt(9);
      }
      // a lopsided panel mix, so that some panels fall under minCell
      String[] panels = new String[1 + random.nextInt(PANELS.length)];
      for (int p = 0; p < panels.length; p++) {
        panels[p] = PANELS[random.nextInt(PANELS.length)];
      }
      list.add(new Synthetic.Camp(1 + random.nextInt(25), centres, panels));
    }
    return Synthetic.withMinCell(Synthetic.planted(list, noise, missing, dataSeed).round(), minCell);
  }

  @Property(tries = 80)
  @Label("no group, panel, share or dot ever stands for fewer than minCell panelists")
  void smallCellsAreNeverShown(@ForAll long dataSeed, @ForAll @IntRange(min = 1, max = 4) int camps,
      @ForAll @IntRange(min = 2, max = 14) int items, @ForAll @DoubleRange(min = 0.3, max = 3) double noise,
      @ForAll @DoubleRange(min = 0, max = 0.4) double missing, @ForAll @IntRange(min = 1, max = 6) int minCell) {
    RoundRatings round = anyRound(dataSeed, camps, items, noise, missing, minCell);
    GroupsResult result = OpinionGroups.find(round);
    Map<String, Integer> clusteredPerPanel = new HashMap<>();
    for (RatingVector panelist : round.panelists()) {
      if (result.membership().containsKey(panelist.index())) {
        clusteredPerPanel.merge(panelist.panel(), 1, Integer::sum);
      }
    }
    for (OpinionGroup group : result.groups()) {
      assertTrue(group.size() >= minCell, group.toString());
      group.panels().keySet().forEach(panel -> assertTrue(clusteredPerPanel.get(panel) >= minCell, panel));
    }
    for (MapPoint point : result.map()) {
      assertTrue(point.panel() == null || clusteredPerPanel.get(point.panel()) >= minCell, point.toString());
    }
    for (int j = 0; j < round.items().size(); j++) {
      for (String group : result.items().get(j).groupAgree().keySet()) {
        int n = 0;
        for (RatingVector panelist : round.panelists()) {
          n += group.equals(result.membership().get(panelist.index())) && panelist.ratings().get(j) != null ? 1 : 0;
        }
        assertTrue(n >= minCell, "item " + j + " group " + group + " has " + n + " ratings");
      }
    }
  }

  @Property(tries = 60)
  @Label("every clustered panelist is in exactly one group, and the counts add up")
  void countsAddUp(@ForAll long dataSeed, @ForAll @IntRange(min = 1, max = 4) int camps,
      @ForAll @IntRange(min = 2, max = 14) int items, @ForAll @DoubleRange(min = 0.3, max = 3) double noise,
      @ForAll @DoubleRange(min = 0, max = 0.4) double missing) {
    RoundRatings round = anyRound(dataSeed, camps, items, noise, missing, 3);
    GroupsResult result = OpinionGroups.find(round);
    Method method = result.method();
    assertEquals(round.panelists().size(), method.clustered() + method.unclustered());
    assertTrue(result.k() >= 1 && result.k() <= 5);
    if (method.clustered() >= round.minCell()) {
      assertEquals(result.k(), result.groups().size());
      assertEquals(method.clustered(), result.groups().stream().mapToInt(OpinionGroup::size).sum());
      assertEquals(method.clustered(), result.membership().size());
    } else {
      assertEquals(List.of(), result.groups());
    }
    assertTrue(result.map().isEmpty() || result.map().size() == method.clustered());
    for (int g = 1; g < result.groups().size(); g++) {
      assertTrue(result.groups().get(g - 1).size() >= result.groups().get(g).size(), "ids follow size");
    }
    assertEquals(round.items().size(), result.items().size());
    assertTrue(result.k() == 1 || result.outcome() == Outcome.GROUPS);
  }

  @Property(tries = 25)
  @Label("the same round and seed always give the same result")
  void deterministic(@ForAll long dataSeed, @ForAll @IntRange(min = 1, max = 4) int camps,
      @ForAll @IntRange(min = 2, max = 14) int items, @ForAll long seed) {
    RoundRatings round = Synthetic.withSeed(anyRound(dataSeed, camps, items, 1.5, 0.1, 3), seed);
    assertEquals(OpinionGroups.find(round), OpinionGroups.find(round));
  }

  @Property(tries = 20)
  @Label("uniform random ratings from 40 panelists and 10 items up give k = 1")
  void noiseGivesOneGroup(@ForAll long dataSeed, @ForAll @IntRange(min = 40, max = 150) int panelists,
      @ForAll @IntRange(min = 10, max = 40) int items) {
    GroupsResult result = OpinionGroups.find(Synthetic.uniform(panelists, items, dataSeed, PANELS));
    assertEquals(1, result.k(), result.method().toString());
  }

  @Example
  @Label("a round where everyone skipped everything gives k = 1 and lists every item without shares")
  void nothingRated() {
    List<RatingVector> vectors = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      List<Integer> none = new ArrayList<>();
      none.add(null);
      none.add(null);
      vectors.add(new RatingVector(i, "policy", none));
    }
    GroupsResult result = OpinionGroups.find(new RoundRatings(List.of("a", "b"), vectors, 1, 9, 7, 9, 3, 1));
    assertEquals(1, result.k());
    assertEquals(0, result.method().clustered());
    assertEquals(10, result.method().unclustered());
    assertEquals(List.of(), result.groups());
  }
}
