package org.kenes.groups;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the statistics under the groups")
class StatisticsTest {

  @Test
  @DisplayName("the silhouette matches Rousseeuw's definition, 0 for a lone member (values from SciPy distances)")
  void silhouetteMatchesTheDefinition() {
    double[][] points = {{0}, {1}, {10}, {11}, {30}};
    int[] labels = {0, 0, 1, 1, 2};
    double[] mean = Silhouette.means(points, new int[] {0, 1, 2, 3, 4}, new int[][] {labels}, new int[] {3});
    // (0.9047619 + 0.8947368 + 0.8947368 + 0.9047619 + 0) / 5, as numpy/scipy computed it
    assertEquals(0.7197994987468672, mean[0], 1e-12);
  }

  @Test
  @DisplayName("several labellings get the same silhouettes together as one at a time")
  void silhouettesOfSeveralLabellingsAreIndependent() {
    double[][] points = {{0, 0}, {0, 1}, {5, 5}, {5, 6}, {9, 0}, {9, 1}};
    int[] two = {0, 0, 1, 1, 1, 1};
    int[] three = {0, 0, 1, 1, 2, 2};
    int[] all = {0, 1, 2, 3, 4, 5};
    double[] together = Silhouette.means(points, all, new int[][] {two, three}, new int[] {2, 3});
    assertEquals(Silhouette.means(points, all, new int[][] {two}, new int[] {2})[0], together[0], 1e-12);
    assertEquals(Silhouette.means(points, all, new int[][] {three}, new int[] {3})[0], together[1], 1e-12);
    assertTrue(together[1] > together[0], "three tight pairs are better separated than two groups");
  }

  @Test
  @DisplayName("PCA gives numpy's explained variance and scores, with each axis's largest loading positive")
  void pcaMatchesNumpy() {
    int[][] ratings = {{9, 8, 2}, {8, 9, 1}, {7, 7, 3}, {2, 3, 8}, {1, 2, 9}, {3, 1, 7}, {5, 5, 5}};
    List<RatingVector> vectors = new ArrayList<>();
    for (int i = 0; i < ratings.length; i++) {
      vectors.add(new RatingVector(i, "policy", Arrays.stream(ratings[i]).boxed().toList()));
    }
    RoundRatings round = new RoundRatings(List.of("a", "b", "c"), vectors, 1, 9, 7, 9, 3, 1);
    RatingMatrix matrix = RatingMatrix.of(round, GroupSettings.DEFAULTS);
    Pca pca = Pca.of(matrix.z(), GroupSettings.DEFAULTS);
    // numpy: standardise (ddof=1), np.cov, eigh, sort descending, flip so the largest |loading| is positive
    assertArrayEquals(new double[] {0.96940283, 0.02542076}, pca.explained(), 1e-8,
        "one component explains 97%, yet two are kept for the map");
    double[][] expected = {{-1.8572927172936284, -0.1550904596869773}, {-2.0421980337360957, 0.1810582269381496},
        {-1.114140214579921, 0.0074193620717635}, {1.4874012207505245, 0.24902314681917673},
        {2.044471328040485, 0.2453134657832949}, {1.4817584168186355, -0.5277237419254075}, {0.0, 0.0}};
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], pca.scores()[i], 1e-9, "panelist " + i);
    }
  }

  @Test
  @DisplayName("a missing rating becomes the item's mean, which standardises to 0")
  void missingRatingIsTheItemMean() {
    List<RatingVector> vectors = List.of(
        new RatingVector(0, "policy", Arrays.asList(1, 9, 5)),
        new RatingVector(1, "policy", Arrays.asList(3, null, 5)),
        new RatingVector(2, "policy", Arrays.asList(5, 1, 6)));
    RoundRatings round = new RoundRatings(List.of("a", "b", "c"), vectors, 1, 9, 7, 9, 1, 1);
    RatingMatrix matrix = RatingMatrix.of(round, GroupSettings.DEFAULTS);
    assertEquals(0.0, matrix.z()[1][1]);
    // item a: mean 3, sd 2
    assertArrayEquals(new double[] {-1, 0, 1}, new double[] {matrix.z()[0][0], matrix.z()[1][0], matrix.z()[2][0]},
        1e-12);
  }

  @Test
  @DisplayName("gic over the groups is the product of (agreeCount + 1) / (n + 2), and 0.8 against 0.3 is divisive")
  void gicAndDivisiveFollowConsensusMd() {
    List<RatingVector> vectors = new ArrayList<>();
    // group 0: 10 ratings, 8 in the agree band; group 1: 10 ratings, 3 in it
    for (int i = 0; i < 20; i++) {
      boolean first = i < 10;
      int agreeing = first ? 8 : 3;
      int rating = (i % 10) < agreeing ? 8 : 2;
      vectors.add(new RatingVector(i, "policy", List.of(rating)));
    }
    RoundRatings round = new RoundRatings(List.of("a"), vectors, 1, 9, 7, 9, 3, 1);
    int[] rows = new int[20];
    int[] labels = new int[20];
    for (int i = 0; i < 20; i++) {
      rows[i] = i;
      labels[i] = i < 10 ? 0 : 1;
    }
    ItemGroups item = GroupItems.of(round, rows, labels, List.of("g1", "g2"), GroupSettings.DEFAULTS).get(0);
    assertEquals(0.8, item.groupAgree().get("g1"), 1e-12);
    assertEquals(0.3, item.groupAgree().get("g2"), 1e-12);
    assertEquals((9.0 / 12) * (4.0 / 12), item.gic(), 1e-12);
    assertTrue(item.divisive(), "0.8 − 0.3 is 0.5 in decimals even if not quite in binary");
  }

  @Test
  @DisplayName("a group with fewer than minCell ratings of an item has no share there and no say in gic")
  void smallCellsOfAGroupAreSuppressed() {
    List<RatingVector> vectors = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      // the second group (indexes 5..7) rated the item only twice
      Integer rating = i < 5 ? Integer.valueOf(8) : i < 7 ? Integer.valueOf(2) : null;
      vectors.add(new RatingVector(i, "policy", Arrays.asList(rating)));
    }
    RoundRatings round = new RoundRatings(List.of("a"), vectors, 1, 9, 7, 9, 3, 1);
    int[] rows = {0, 1, 2, 3, 4, 5, 6, 7};
    int[] labels = {0, 0, 0, 0, 0, 1, 1, 1};
    ItemGroups item = GroupItems.of(round, rows, labels, List.of("g1", "g2"), GroupSettings.DEFAULTS).get(0);
    assertEquals(List.of("g1"), List.copyOf(item.groupAgree().keySet()));
    assertEquals(List.of("g2"), item.suppressed());
    assertEquals(6.0 / 7, item.gic(), 1e-12);
    assertFalse(item.divisive(), "one shown group cannot be divided against itself");
  }
}
