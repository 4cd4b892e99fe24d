package org.kenes.groups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Finds the opinion groups of a round: the camps that panelists' ratings form, whichever stakeholder
 * panel they were invited in (issue #9). Ratings are imputed and standardised, reduced by PCA,
 * clustered by k-means++ for k = 2..5, and k is chosen by the mean silhouette; k = 1 when no k
 * reaches the threshold with every group at least minCell strong.
 */
public final class OpinionGroups {
  private OpinionGroups() {
  }

  public static GroupsResult find(RoundRatings round) {
    return find(round, GroupSettings.DEFAULTS);
  }

  public static GroupsResult find(RoundRatings round, GroupSettings settings) {
    RatingMatrix matrix = RatingMatrix.of(round, settings);
    int n = matrix.panelistCount();
    List<String> itemsClustered = Arrays.stream(matrix.columns()).mapToObj(round.items()::get).toList();
    boolean fewPanelists = n < 2 * round.minCell();
    if (matrix.itemCount() < settings.minItems()) {
      Outcome outcome = fewPanelists ? Outcome.TOO_FEW_PANELISTS : Outcome.TOO_FEW_ITEMS;
      return result(round, settings, matrix, null, Choice.single(n, outcome, null, List.of(), null), itemsClustered);
    }
    Pca pca = Pca.of(matrix.z(), settings);
    Choice choice = fewPanelists
        ? Choice.single(n, Outcome.TOO_FEW_PANELISTS, null, List.of(), null)
        : Choice.best(matrix.z(), pca.scores(), round, settings);
    return result(round, settings, matrix, pca, choice, itemsClustered);
  }

  private static GroupsResult result(RoundRatings round, GroupSettings settings, RatingMatrix matrix, Pca pca,
      Choice choice, List<String> itemsClustered) {
    int[] rows = matrix.rows();
    boolean shown = rows.length >= round.minCell();
    int[] labels = shown ? bySize(choice.labels(), choice.k(), rows) : new int[0];
    int[] groupRows = shown ? rows : new int[0];
    List<String> groupIds = shown
        ? IntStream.rangeClosed(1, choice.k()).mapToObj(g -> "g" + g).toList()
        : List.of();
    List<String> panels = shownPanels(round, rows);
    List<OpinionGroup> groups = new ArrayList<>();
    for (int g = 0; g < groupIds.size(); g++) {
      Map<String, Integer> composition = new LinkedHashMap<>();
      panels.forEach(panel -> composition.put(panel, 0));
      int size = 0;
      for (int i = 0; i < groupRows.length; i++) {
        if (labels[i] == g) {
          size++;
          composition.computeIfPresent(round.panelists().get(groupRows[i]).panel(), (panel, count) -> count + 1);
        }
      }
      composition.values().removeIf(count -> count == 0);
      groups.add(new OpinionGroup(groupIds.get(g), size, composition));
    }
    List<ItemGroups> items = GroupItems.of(round, groupRows, labels, groupIds, settings);
    Map<Integer, String> membership = new HashMap<>();
    List<MapPoint> map = new ArrayList<>();
    for (int i = 0; i < groupRows.length; i++) {
      RatingVector panelist = round.panelists().get(groupRows[i]);
      String group = groupIds.get(labels[i]);
      membership.put(panelist.index(), group);
      if (pca != null) {
        String panel = panels.contains(panelist.panel()) ? panelist.panel() : null;
        map.add(new MapPoint(pca.scores()[i][0], pca.scores()[i][1], group, panel));
      }
    }
    // by group and position, so that the order of the dots says nothing about who they are
    map.sort(Comparator.comparing(MapPoint::group).thenComparingDouble(MapPoint::x)
        .thenComparingDouble(MapPoint::y));
    List<Double> explained = pca == null ? List.of() : Arrays.stream(pca.explained()).boxed().toList();
    Method method = new Method(rows.length, round.panelists().size() - rows.length, itemsClustered, explained,
        settings.silhouetteThreshold(), choice.candidates(), choice.shuffledSilhouette());
    Map<String, List<String>> standsFor = choice.k() > 1
        ? GroupItems.standsFor(items, groupIds, settings)
        : emptyLists(groupIds);
    return new GroupsResult(choice.k(), choice.silhouette(), choice.outcome(), groups, items,
        GroupItems.unites(items, groupIds.size(), settings), GroupItems.divides(items), standsFor, map, method,
        membership);
  }

  /**
   * Renumbers the groups from the largest down; equal sizes go by their earliest panelist in the round,
   * so the ids depend on the data alone, not on which centre k-means happened to start from.
   */
  private static int[] bySize(int[] labels, int k, int[] rows) {
    int[] size = new int[k];
    int[] first = new int[k];
    Arrays.fill(first, Integer.MAX_VALUE);
    for (int i = 0; i < labels.length; i++) {
      size[labels[i]]++;
      first[labels[i]] = Math.min(first[labels[i]], rows[i]);
    }
    Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingInt((Integer g) -> -size[g]).thenComparingInt(g -> first[g]));
    int[] rank = new int[k];
    for (int r = 0; r < k; r++) {
      rank[order[r]] = r;
    }
    return Arrays.stream(labels).map(label -> rank[label]).toArray();
  }

  /** Panels with at least minCell clustered panelists, in order of first appearance; smaller ones stay unnamed. */
  private static List<String> shownPanels(RoundRatings round, int[] rows) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int row : rows) {
      counts.merge(round.panelists().get(row).panel(), 1, Integer::sum);
    }
    return counts.entrySet().stream().filter(entry -> entry.getValue() >= round.minCell())
        .map(Map.Entry::getKey).toList();
  }

  private static Map<String, List<String>> emptyLists(List<String> groupIds) {
    Map<String, List<String>> empty = new LinkedHashMap<>();
    groupIds.forEach(id -> empty.put(id, List.of()));
    return empty;
  }
}
