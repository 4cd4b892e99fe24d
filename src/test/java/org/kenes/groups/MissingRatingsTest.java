package org.kenes.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("missing ratings")
class MissingRatingsTest {

  @Test
  @DisplayName("camps are still recovered when 30% of the ratings are missing")
  void campsSurviveMissingRatings() {
    Synthetic.Planted planted = PlantedCampsTest.threeCamps(1.5, 0.3);
    GroupsResult result = OpinionGroups.find(planted.round());
    assertEquals(3, result.k());
    result.membership().forEach((index, group) ->
        assertEquals("g" + (planted.campOf()[index] + 1), group, "panelist " + index));
    // at 30% missing a panelist now and then rates under half the items and is left out (here one)
    assertEquals(65, result.method().clustered() + result.method().unclustered());
    assertTrue(result.method().unclustered() <= 2, result.method().toString());
    assertEquals(result.method().clustered(), result.membership().size());
  }

  @Test
  @DisplayName("panelists who rated under half the items are left out of the groups and counted as unclustered")
  void sparsePanelistsAreUnclustered() {
    RoundRatings planted = PlantedCampsTest.threeCamps(1.5, 0.1).round();
    List<RatingVector> vectors = new ArrayList<>(planted.panelists());
    for (int i = 0; i < 4; i++) {
      Integer[] ratings = new Integer[24];
      // 11 of 24 rated, all in the agree band: they would sway the shares if they counted
      Arrays.fill(ratings, 0, 11, 9);
      vectors.add(new RatingVector(1000 + i, "policy", Arrays.asList(ratings)));
    }
    RoundRatings round = new RoundRatings(planted.items(), vectors, 1, 9, 7, 9, 3, 42);
    GroupsResult result = OpinionGroups.find(round);
    GroupsResult without = OpinionGroups.find(planted);
    assertEquals(65, result.method().clustered());
    assertEquals(4, result.method().unclustered());
    assertEquals(List.of(30, 20, 15), result.groups().stream().map(OpinionGroup::size).toList());
    assertEquals(65, result.map().size());
    assertTrue(result.membership().keySet().stream().noneMatch(index -> index >= 1000));
    assertEquals(without.items(), result.items(), "their ratings count in no group's share");
  }

  @Test
  @DisplayName("half the items rated is enough to be clustered")
  void halfTheItemsIsEnough() {
    RoundRatings planted = PlantedCampsTest.threeCamps(1.5, 0).round();
    List<RatingVector> vectors = new ArrayList<>(planted.panelists());
    Integer[] ratings = new Integer[24];
    Arrays.fill(ratings, 0, 12, 9);
    vectors.add(new RatingVector(1000, "policy", Arrays.asList(ratings)));
    GroupsResult result = OpinionGroups.find(new RoundRatings(planted.items(), vectors, 1, 9, 7, 9, 3, 42));
    assertEquals(66, result.method().clustered());
    assertTrue(result.membership().containsKey(1000));
  }

  @Test
  @DisplayName("an item nobody rated is left out of the clustering but still listed, without shares")
  void unratedItemIsDropped() {
    RoundRatings planted = PlantedCampsTest.threeCamps(1.5, 0.1).round();
    List<String> items = new ArrayList<>(planted.items());
    items.add("nobody");
    List<RatingVector> vectors = new ArrayList<>();
    for (RatingVector vector : planted.panelists()) {
      List<Integer> ratings = new ArrayList<>(vector.ratings());
      ratings.add(null);
      vectors.add(new RatingVector(vector.index(), vector.panel(), ratings));
    }
    GroupsResult result = OpinionGroups.find(new RoundRatings(items, vectors, 1, 9, 7, 9, 3, 42));
    GroupsResult without = OpinionGroups.find(planted);
    assertEquals(planted.items(), result.method().itemsClustered());
    assertEquals(without.membership(), result.membership(), "an empty item neither helps nor hurts");
    ItemGroups nobody = result.items().get(24);
    assertEquals("nobody", nobody.id());
    assertEquals(Map.of(), nobody.groupAgree());
    assertEquals(List.of("g1", "g2", "g3"), nobody.suppressed());
    assertNull(nobody.gic());
    assertFalse(nobody.divisive());
  }
}
