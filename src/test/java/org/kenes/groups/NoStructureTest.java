package org.kenes.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("no camps, k = 1")
class NoStructureTest {
  private static final String[] PANELS = {"policy", "providers", "patients"};

  @ParameterizedTest(name = "{0} panelists × {1} items of uniform random ratings")
  @CsvSource({"40, 10", "60, 20", "100, 30", "200, 50", "500, 15"})
  @DisplayName("uniform random ratings give k = 1 with the whole round as one group")
  void uniformNoiseGivesOneGroup(int panelists, int items) {
    for (long dataSeed = 1; dataSeed <= 3; dataSeed++) {
      GroupsResult result = OpinionGroups.find(Synthetic.uniform(panelists, items, dataSeed, PANELS));
      assertEquals(1, result.k());
      assertEquals(Outcome.NO_CLEAR_STRUCTURE, result.outcome());
      assertEquals(List.of(new OpinionGroup("g1", panelists, result.groups().get(0).panels())), result.groups());
      assertEquals(List.of(), result.divides());
      assertEquals(Map.of("g1", List.of()), result.standsFor());
      assertEquals(panelists, result.map().size(), "the map still shows everyone, in one colour");
    }
  }

  /**
   * Evidence for the threshold of 0.25 (GroupSettings.DEFAULTS): on uniform random ratings, with the
   * default 80% / 2–10 components, no k reached 0.20 from 40 panelists and 10 items up (the worst of
   * 10 data sets per cell: 40 × 10 → 0.199, 20 × 15 → 0.211, 500 × 10 → 0.100), while the planted
   * camps of PlantedCampsTest reach 0.38–0.58 even with rating noise of sd 2.5.
   */
  @Test
  @DisplayName("on noise from 40 panelists and 10 items up, no k even comes near the 0.25 threshold")
  void noiseStaysWellUnderTheThreshold() {
    for (int[] size : new int[][] {{40, 10}, {100, 10}, {40, 40}, {300, 20}}) {
      for (long dataSeed = 1; dataSeed <= 3; dataSeed++) {
        GroupsResult result = OpinionGroups.find(Synthetic.uniform(size[0], size[1], dataSeed, PANELS));
        for (Candidate candidate : result.method().candidates()) {
          assertTrue(candidate.silhouette() < 0.22, size[0] + "×" + size[1] + ": " + candidate);
        }
        assertNull(result.method().shuffledSilhouette(), "no shuffles are needed below the threshold");
      }
    }
  }

  @Test
  @DisplayName("planted camps stay above the threshold even under heavy rating noise")
  void campsStayAboveTheThreshold() {
    GroupsResult result = OpinionGroups.find(PlantedCampsTest.threeCamps(2.5, 0.1).round());
    assertEquals(List.of(30, 20, 15), result.groups().stream().map(OpinionGroup::size).toList());
    assertTrue(result.silhouette() > 0.35, "silhouette " + result.silhouette());
  }

  @ParameterizedTest(name = "{0} panelists × {1} items, data seed {2}")
  @CsvSource({"20, 8, 1", "20, 8, 7", "60, 4, 2", "60, 4, 6", "24, 6, 3"})
  @DisplayName("in a small round, noise can pass the threshold, and the shuffled rounds reject it")
  void shufflesRejectNoiseThatPassesTheThreshold(int panelists, int items, long dataSeed) {
    GroupsResult result = OpinionGroups.find(Synthetic.uniform(panelists, items, dataSeed, PANELS));
    assertEquals(1, result.k());
    assertEquals(Outcome.NO_CLEAR_STRUCTURE, result.outcome());
    assertTrue(result.silhouette() >= 0.25, "this data set passes the threshold: " + result.silhouette());
    assertNotNull(result.method().shuffledSilhouette());
    assertTrue(result.method().shuffledSilhouette() >= result.silhouette() - 0.05);
  }

  @Test
  @DisplayName("fewer panelists than 2 × minCell give k = 1 without clustering")
  void tooFewPanelistsForTwoGroups() {
    RoundRatings round = Synthetic.round(List.of(
        new Synthetic.Camp(3, Synthetic.centres(4, 9, 1), PANELS),
        new Synthetic.Camp(2, Synthetic.centres(4, 1, 9), PANELS)), 0.5, 0, 1);
    GroupsResult result = OpinionGroups.find(round);
    assertEquals(1, result.k());
    assertEquals(Outcome.TOO_FEW_PANELISTS, result.outcome());
    assertNull(result.silhouette());
    assertEquals(List.of(), result.method().candidates());
    assertEquals(5, result.groups().get(0).size());
    assertEquals(Map.of(), result.groups().get(0).panels(), "no panel has minCell members");
  }

  @Test
  @DisplayName("fewer clustered panelists than minCell show no group, no share and no map")
  void fewerThanMinCellShowNothing() {
    RoundRatings round = Synthetic.round(List.of(new Synthetic.Camp(2, Synthetic.centres(4, 9, 1), PANELS)), 1, 0, 1);
    GroupsResult result = OpinionGroups.find(round);
    assertEquals(1, result.k());
    assertEquals(List.of(), result.groups());
    assertEquals(List.of(), result.map());
    assertEquals(Map.of(), result.membership());
    result.items().forEach(item -> assertEquals(Map.of(), item.groupAgree()));
    result.items().forEach(item -> assertNull(item.gic()));
  }

  @Test
  @DisplayName("when everyone rates alike there is nothing to cluster: k = 1")
  void identicalRatingsGiveOneGroup() {
    List<RatingVector> vectors = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      vectors.add(new RatingVector(i, PANELS[i % 3], List.of(8, 8, 2, 5)));
    }
    GroupsResult result = OpinionGroups.find(new RoundRatings(Synthetic.itemIds(4), vectors, 1, 9, 7, 9, 3, 1));
    assertEquals(1, result.k());
    assertEquals(Outcome.TOO_FEW_ITEMS, result.outcome());
    assertEquals(List.of(), result.method().itemsClustered());
    assertEquals(List.of(), result.map(), "every dot would sit on the origin");
    assertEquals(30, result.groups().get(0).size());
    assertEquals(List.of("item-00", "item-01"), result.unites());
    assertEquals(1.0, result.items().get(0).groupAgree().get("g1"));
  }

  @Test
  @DisplayName("a single item is too little for camps: k = 1, with the item's share still reported")
  void singleItemGivesOneGroup() {
    List<RatingVector> vectors = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // half agree, half disagree: on one item that is its histogram, not two camps
      vectors.add(new RatingVector(i, PANELS[i % 3], List.of(i % 2 == 0 ? 9 : 1)));
    }
    GroupsResult result = OpinionGroups.find(new RoundRatings(List.of("only"), vectors, 1, 9, 7, 9, 3, 1));
    assertEquals(1, result.k());
    assertEquals(Outcome.TOO_FEW_ITEMS, result.outcome());
    assertEquals(List.of("only"), result.method().itemsClustered());
    assertEquals(0.5, result.items().get(0).groupAgree().get("g1"));
    assertEquals(21.0 / 42, result.items().get(0).gic(), 1e-12);
  }

  @Test
  @DisplayName("a round without panelists gives k = 1 and no groups")
  void emptyRound() {
    GroupsResult result = OpinionGroups.find(new RoundRatings(List.of("a", "b"), List.of(), 1, 9, 7, 9, 3, 1));
    assertEquals(1, result.k());
    assertEquals(Outcome.TOO_FEW_PANELISTS, result.outcome());
    assertEquals(List.of(), result.groups());
    assertEquals(0, result.method().clustered());
    assertEquals(2, result.items().size());
  }

  @Test
  @DisplayName("two varying items are enough to look for camps")
  void twoItemsCanHoldCamps() {
    RoundRatings round = Synthetic.round(List.of(
        new Synthetic.Camp(12, new int[] {9, 1}, PANELS),
        new Synthetic.Camp(12, new int[] {1, 9}, PANELS)), 0.7, 0, 5);
    GroupsResult result = OpinionGroups.find(round);
    assertEquals(Outcome.GROUPS, result.outcome(), result.method().toString());
    assertEquals(List.of(12, 12), result.groups().stream().map(OpinionGroup::size).toList());
    assertEquals(Arrays.asList("item-00", "item-01"), result.divides().stream().sorted().toList());
  }
}
