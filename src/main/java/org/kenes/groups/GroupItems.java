package org.kenes.groups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the groups think of each item, from their members' own ratings (never the imputed ones), and
 * what follows: what unites them, what divides them, what each stands for.
 */
final class GroupItems {
  private GroupItems() {
  }

  /**
   * @param rows positions in the round's panelist list of the grouped panelists
   * @param labels the group of each of those rows, as a position in groupIds
   */
  static List<ItemGroups> of(RoundRatings round, int[] rows, int[] labels, List<String> groupIds,
      GroupSettings settings) {
    int groupCount = groupIds.size();
    List<ItemGroups> items = new ArrayList<>();
    for (int j = 0; j < round.items().size(); j++) {
      int[] n = new int[groupCount];
      int[] agree = new int[groupCount];
      for (int i = 0; i < rows.length; i++) {
        Integer rating = round.panelists().get(rows[i]).ratings().get(j);
        if (rating != null) {
          n[labels[i]]++;
          agree[labels[i]] += round.agrees(rating) ? 1 : 0;
        }
      }
      Map<String, Double> shares = new LinkedHashMap<>();
      List<String> suppressed = new ArrayList<>();
      double gic = 1;
      for (int g = 0; g < groupCount; g++) {
        // the small-cell rule of CONSENSUS.md holds for groups as for panels
        if (n[g] >= round.minCell()) {
          shares.put(groupIds.get(g), (double) agree[g] / n[g]);
          gic *= (agree[g] + 1.0) / (n[g] + 2.0);
        } else {
          suppressed.add(groupIds.get(g));
        }
      }
      double spread = shares.size() < 2 ? 0
          : shares.values().stream().mapToDouble(Double::doubleValue).max().orElse(0)
              - shares.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
      // shares are ratios of counts; the tolerance keeps 0.8 − 0.3 from falling a hair short of 0.5
      boolean divisive = shares.size() >= 2 && spread >= settings.divisiveGap() - 1e-9;
      items.add(new ItemGroups(round.items().get(j), shares, suppressed, shares.isEmpty() ? null : gic,
          spread, divisive));
    }
    return items;
  }

  /** Items every group agrees with; a group whose share is suppressed cannot be said to agree. */
  static List<String> unites(List<ItemGroups> items, int groupCount, GroupSettings settings) {
    return items.stream()
        .filter(item -> groupCount > 0 && item.groupAgree().size() == groupCount
            && item.groupAgree().values().stream().allMatch(share -> share >= settings.unitesShare()))
        .sorted(Comparator.comparingDouble((ItemGroups item) -> -item.gic()))
        .map(ItemGroups::id)
        .toList();
  }

  static List<String> divides(List<ItemGroups> items) {
    return items.stream()
        .filter(ItemGroups::divisive)
        .sorted(Comparator.comparingDouble((ItemGroups item) -> -item.spread()))
        .map(ItemGroups::id)
        .toList();
  }

  /**
   * A group stands for an item when a majority of it agrees and it agrees more than every other group
   * by a clear margin; the margin, not the share alone, is what makes the item the group's own.
   */
  static Map<String, List<String>> standsFor(List<ItemGroups> items, List<String> groupIds,
      GroupSettings settings) {
    Map<String, List<String>> standsFor = new LinkedHashMap<>();
    for (String group : groupIds) {
      record Lead(String item, double margin) {
      }
      List<Lead> leads = new ArrayList<>();
      for (ItemGroups item : items) {
        Double own = item.groupAgree().get(group);
        double others = item.groupAgree().entrySet().stream()
            .filter(entry -> !entry.getKey().equals(group))
            .mapToDouble(Map.Entry::getValue).max().orElse(Double.NaN);
        if (own != null && !Double.isNaN(others) && own >= settings.standsForShare()
            && own - others >= settings.standsForMargin() - 1e-9) {
          leads.add(new Lead(item.id(), own - others));
        }
      }
      standsFor.put(group, leads.stream()
          .sorted(Comparator.comparingDouble((Lead lead) -> -lead.margin()))
          .limit(settings.standsForTop())
          .map(Lead::item)
          .toList());
    }
    return standsFor;
  }
}
