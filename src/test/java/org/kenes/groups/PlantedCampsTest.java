package org.kenes.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("planted camps")
class PlantedCampsTest {
  private static final String[] ALL_PANELS = {"policy", "providers", "patients"};

  /**
   * 24 items in four blocks of six: everyone agrees with the first block; each camp agrees with one
   * of the other three, which the other two camps reject. Every camp spans all three panels.
   */
  static Synthetic.Planted threeCamps(double noise, double missing) {
    return Synthetic.planted(List.of(
        new Synthetic.Camp(30, Synthetic.centres(6, 9, 9, 1, 1), ALL_PANELS),
        new Synthetic.Camp(20, Synthetic.centres(6, 9, 1, 9, 1), ALL_PANELS),
        new Synthetic.Camp(15, Synthetic.centres(6, 9, 1, 1, 9), ALL_PANELS)), noise, missing, 3);
  }

  private static Set<String> items(int from, int to) {
    return IntStream.range(from, to).mapToObj(j -> String.format(Locale.ROOT, "item-%02d", j))
        .collect(Collectors.toSet());
  }

  @Test
  @DisplayName("three camps of 30, 20 and 15 come back as g1, g2 and g3 with exactly their members")
  void threeCampsAreRecovered() {
    Synthetic.Planted planted = threeCamps(1.5, 0.1);
    GroupsResult result = OpinionGroups.find(planted.round());
    assertEquals(Outcome.GROUPS, result.outcome());
    assertEquals(3, result.k());
    assertEquals(List.of("g1", "g2", "g3"), result.groups().stream().map(OpinionGroup::id).toList());
    assertEquals(List.of(30, 20, 15), result.groups().stream().map(OpinionGroup::size).toList());
    result.membership().forEach((index, group) ->
        assertEquals("g" + (planted.campOf()[index] + 1), group, "panelist " + index));
    assertTrue(result.silhouette() >= 0.25);
    assertTrue(result.method().shuffledSilhouette() < result.silhouette() - 0.05);
  }

  @Test
  @DisplayName("contested items are divisive, the shared block unites, and each camp stands for its own block")
  void dividingAndUnitingItemsAreFound() {
    GroupsResult result = OpinionGroups.find(threeCamps(1.5, 0.1).round());
    assertEquals(items(6, 24), new HashSet<>(result.divides()));
    assertEquals(items(0, 6), new HashSet<>(result.unites()));
    assertEquals(5, result.standsFor().get("g1").size(), "at most five items are listed");
    assertTrue(items(6, 12).containsAll(result.standsFor().get("g1")), result.standsFor().toString());
    assertTrue(items(12, 18).containsAll(result.standsFor().get("g2")), result.standsFor().toString());
    assertTrue(items(18, 24).containsAll(result.standsFor().get("g3")), result.standsFor().toString());
    ItemGroups item = result.items().get(13);
    assertEquals("item-13", item.id());
    assertTrue(item.divisive());
    assertTrue(item.groupAgree().get("g2") >= 0.8, item.toString());
    assertTrue(item.groupAgree().get("g1") <= 0.2 && item.groupAgree().get("g3") <= 0.2, item.toString());
  }

  @Test
  @DisplayName("gic is computed over the opinion groups from their members' own ratings")
  void gicIsOverTheGroups() {
    Synthetic.Planted planted = threeCamps(1.5, 0.1);
    GroupsResult result = OpinionGroups.find(planted.round());
    for (int j : new int[] {0, 7, 20}) {
      double expected = 1;
      for (String group : List.of("g1", "g2", "g3")) {
        int n = 0;
        int agree = 0;
        for (RatingVector panelist : planted.round().panelists()) {
          Integer rating = panelist.ratings().get(j);
          if (group.equals(result.membership().get(panelist.index())) && rating != null) {
            n++;
            agree += rating >= 7 ? 1 : 0;
          }
        }
        expected *= (agree + 1.0) / (n + 2.0);
      }
      assertEquals(expected, result.items().get(j).gic(), 1e-12, "item " + j);
    }
    assertTrue(result.items().get(0).gic() > 0.5, "an item all camps agree with has a high gic");
    assertTrue(result.items().get(7).gic() < 0.05, "an item two camps reject has a low gic");
  }

  @Test
  @DisplayName("camps that cut across the panels show every panel in every group")
  void crossPanelSplitShowsMixedGroups() {
    GroupsResult result = OpinionGroups.find(twoCamps(ALL_PANELS, ALL_PANELS));
    assertEquals(2, result.k());
    for (OpinionGroup group : result.groups()) {
      assertEquals(Set.of(ALL_PANELS), group.panels().keySet(), group.toString());
      group.panels().values().forEach(count -> assertTrue(count >= 6, group.toString()));
    }
  }

  @Test
  @DisplayName("camps that follow the panels show one panel per group, on the very same ratings")
  void panelAlignedSplitShowsPureGroups() {
    GroupsResult aligned = OpinionGroups.find(twoCamps(new String[] {"policy"}, new String[] {"providers"}));
    GroupsResult cross = OpinionGroups.find(twoCamps(ALL_PANELS, ALL_PANELS));
    assertEquals(2, aligned.k());
    assertEquals(List.of(Map.of("policy", 20)), List.of(aligned.groups().get(0).panels()));
    assertEquals(List.of(Map.of("providers", 20)), List.of(aligned.groups().get(1).panels()));
    assertEquals(cross.membership(), aligned.membership(), "the panels do not steer the clustering");
  }

  /** Reformers and sceptics, 20 each, on 20 items; the panels are only labels. */
  private static RoundRatings twoCamps(String[] reformers, String[] sceptics) {
    return Synthetic.round(List.of(
        new Synthetic.Camp(20, Synthetic.centres(5, 8, 8, 2, 5), reformers),
        new Synthetic.Camp(20, Synthetic.centres(5, 8, 2, 8, 5), sceptics)), 1.5, 0.1, 4);
  }

  @Test
  @DisplayName("three camps among 10,000 panelists on 100 items are recovered whole")
  void largeRound() {
    String[] panels = {"policy", "regions", "providers", "patients"};
    RoundRatings round = Synthetic.round(List.of(
        new Synthetic.Camp(5000, Synthetic.centres(25, 8, 8, 2, 5), panels),
        new Synthetic.Camp(3000, Synthetic.centres(25, 8, 2, 8, 5), panels),
        new Synthetic.Camp(2000, Synthetic.centres(25, 8, 5, 2, 8), panels)), 1.5, 0.1, 9);
    GroupsResult result = OpinionGroups.find(round);
    assertEquals(List.of(5000, 3000, 2000), result.groups().stream().map(OpinionGroup::size).toList());
    assertEquals(10_000, result.map().size());
  }
}
