package org.kenes.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("small cells, anonymity and determinism")
class PrivacyAndDeterminismTest {
  private static final String[] PANELS = {"policy", "providers", "patients"};

  @Test
  @DisplayName("the same round and seed give an identical result, run twice")
  void sameSeedSameResult() {
    RoundRatings round = PlantedCampsTest.threeCamps(2.0, 0.2).round();
    assertEquals(OpinionGroups.find(round), OpinionGroups.find(round));
    RoundRatings noise = Synthetic.uniform(50, 12, 3, PANELS);
    assertEquals(OpinionGroups.find(noise), OpinionGroups.find(noise));
  }

  @Test
  @DisplayName("another seed finds the same planted camps under the same ids")
  void otherSeedSameCamps() {
    RoundRatings round = PlantedCampsTest.threeCamps(1.5, 0.1).round();
    GroupsResult first = OpinionGroups.find(round);
    GroupsResult second = OpinionGroups.find(Synthetic.withSeed(round, 987_654_321_012L));
    assertEquals(first.membership(), second.membership());
    assertEquals(first.groups(), second.groups());
  }

  @Test
  @DisplayName("two outliers of their own are not shown as a group: the k that isolates them is rejected")
  void groupUnderMinCellIsRejected() {
    RoundRatings round = Synthetic.round(List.of(
        new Synthetic.Camp(20, Synthetic.centres(4, 8, 8, 2, 5), PANELS),
        new Synthetic.Camp(20, Synthetic.centres(4, 8, 2, 8, 5), PANELS),
        new Synthetic.Camp(2, Synthetic.centres(4, 1, 9, 9, 1), PANELS)), 1.0, 0, 8);
    GroupsResult result = OpinionGroups.find(round);
    assertEquals(2, result.k());
    assertEquals(42, result.groups().stream().mapToInt(OpinionGroup::size).sum(), "the outliers join a group");
    Candidate three = result.method().candidates().get(1);
    assertEquals(3, three.k());
    assertTrue(three.tooSmall(), three.toString());
    assertTrue(three.silhouette() > result.silhouette(), "k = 3 separated better, and still may not be shown");
  }

  @Test
  @DisplayName("with minCell above the smallest camp, no k that shows it is chosen")
  void minCellAboveTheSmallestCamp() {
    RoundRatings round = Synthetic.withMinCell(PlantedCampsTest.threeCamps(1.5, 0.1).round(), 16);
    GroupsResult result = OpinionGroups.find(round);
    assertTrue(result.k() < 3, "k = " + result.k());
    result.groups().forEach(group -> assertTrue(group.size() >= 16, group.toString()));
    result.method().candidates().stream().filter(c -> c.k() >= 3).forEach(c -> assertTrue(c.tooSmall()));
  }

  @Test
  @DisplayName("groups that exist only at a k with a small group give k = 1 and say why")
  void onlySmallGroupsGiveOneGroup() {
    RoundRatings round = Synthetic.round(List.of(
        new Synthetic.Camp(20, Synthetic.centres(4, 5, 5, 5, 5), PANELS),
        new Synthetic.Camp(2, Synthetic.centres(4, 9, 1, 9, 1), PANELS),
        new Synthetic.Camp(2, Synthetic.centres(4, 1, 9, 1, 9), PANELS)), 0.3, 0, 2);
    GroupsResult result = OpinionGroups.find(round);
    assertEquals(1, result.k());
    assertEquals(Outcome.GROUPS_TOO_SMALL, result.outcome(), result.method().toString());
    assertEquals(24, result.groups().get(0).size());
  }

  @Test
  @DisplayName("a panel with fewer than minCell clustered members is named neither in the groups nor on the map")
  void smallPanelIsNotNamed() {
    RoundRatings planted = PlantedCampsTest.threeCamps(1.5, 0.1).round();
    List<RatingVector> vectors = new ArrayList<>(planted.panelists());
    RatingVector someone = vectors.get(0);
    // the only minister: a dot shaped "minister" would point at them
    vectors.set(0, new RatingVector(someone.index(), "minister", someone.ratings()));
    GroupsResult result = OpinionGroups.find(new RoundRatings(planted.items(), vectors, 1, 9, 7, 9, 3, 42));
    assertTrue(result.groups().stream().noneMatch(group -> group.panels().containsKey("minister")));
    assertEquals(1, result.map().stream().filter(point -> point.panel() == null).count());
    OpinionGroup first = result.groups().get(0);
    assertEquals(30, first.size());
    assertEquals(29, first.panels().values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  @DisplayName("the map's dots carry no index and come in group and position order, not panelist order")
  void mapIsAnonymous() {
    assertEquals(List.of("x", "y", "group", "panel"),
        Arrays.stream(MapPoint.class.getRecordComponents()).map(RecordComponent::getName).toList());
    GroupsResult result = OpinionGroups.find(PlantedCampsTest.threeCamps(1.5, 0.1).round());
    List<MapPoint> sorted = new ArrayList<>(result.map());
    sorted.sort(Comparator.comparing(MapPoint::group).thenComparingDouble(MapPoint::x));
    assertEquals(sorted, result.map());
    assertEquals(65, result.membership().size());
  }

  @Test
  @DisplayName("the map's axes are fixed by the data: mirroring every rating mirrors the map")
  void mirroredRatingsMirrorTheMap() {
    RoundRatings round = PlantedCampsTest.threeCamps(1.5, 0.1).round();
    List<RatingVector> mirrored = round.panelists().stream()
        .map(vector -> new RatingVector(vector.index(), vector.panel(),
            vector.ratings().stream().map(rating -> rating == null ? null : 10 - rating).toList()))
        .toList();
    GroupsResult result = OpinionGroups.find(round);
    GroupsResult mirror = OpinionGroups.find(new RoundRatings(round.items(), mirrored, 1, 9, 1, 3, 3, 42));
    assertEquals(result.membership(), mirror.membership());
    List<MapPoint> flipped = mirror.map().stream()
        .map(point -> new MapPoint(-point.x(), -point.y(), point.group(), point.panel()))
        .sorted(Comparator.comparing(MapPoint::group).thenComparingDouble(MapPoint::x))
        .toList();
    for (int i = 0; i < flipped.size(); i++) {
      assertEquals(result.map().get(i).x(), flipped.get(i).x(), 1e-9);
      assertEquals(result.map().get(i).y(), flipped.get(i).y(), 1e-9);
      assertEquals(result.map().get(i).group(), flipped.get(i).group());
    }
    assertEquals(result.divides(), mirror.divides(), "agreeing with 7–9 mirrors agreeing with 1–3");
  }

  @Test
  @DisplayName("ratings off the scale, short vectors and repeated indexes are refused")
  void badInputIsRefused() {
    List<String> items = List.of("a", "b");
    assertThrows(() -> new RoundRatings(items, List.of(new RatingVector(0, "p", List.of(1, 10))), 1, 9, 7, 9, 3, 1));
    assertThrows(() -> new RoundRatings(items, List.of(new RatingVector(0, "p", List.of(1))), 1, 9, 7, 9, 3, 1));
    assertThrows(() -> new RoundRatings(items,
        List.of(new RatingVector(0, "p", List.of(1, 2)), new RatingVector(0, "q", List.of(1, 2))), 1, 9, 7, 9, 3, 1));
    assertThrows(() -> new RoundRatings(items, List.of(), 1, 9, 7, 10, 3, 1));
    assertThrows(() -> new RoundRatings(List.of("a", "a"), List.of(), 1, 9, 7, 9, 3, 1));
    RatingVector unable = new RatingVector(0, "p", Arrays.asList(null, 3));
    assertNull(unable.ratings().get(0));
    assertFalse(new RoundRatings(items, List.of(unable), 1, 9, 7, 9, 3, 1).panelists().isEmpty());
  }

  private static void assertThrows(Runnable action) {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, action::run);
  }
}
