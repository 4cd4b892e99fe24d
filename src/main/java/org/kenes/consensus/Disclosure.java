package org.kenes.consensus;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Small-cell suppression of a breakdown (panels, attributes, opinion groups), primary and secondary (CONSENSUS.md,
 * "Small cells"): no combination of the published figures may reveal a group of fewer than minCell people.
 */
public final class Disclosure {
  private Disclosure() {
  }

  /**
   * The groups of a breakdown to withhold. Primary: every group of 1 to minCell − 1 (an empty group reveals nobody).
   * Secondary: while the withheld groups together hold 1 to minCell − 1, the overall figure minus the shown groups
   * would reveal them, so the smallest shown group (the first of equals, in the breakdown's order) is withheld too,
   * until the remainder reaches minCell or nothing is left to withhold; the overall figures stay.
   *
   * @param sizes the size of each group, in the breakdown's order
   * @return the groups withheld, in the breakdown's order
   */
  public static Set<String> withheld(Map<String, Long> sizes, int minCell) {
    return withheld(sizes, Set.of(), minCell);
  }

  /**
   * As {@link #withheld(Map, int)}, with {@code small} withheld from the start whatever their size: groups of a
   * breakdown whose own population is under minCell (the leavers of a panel that had two respondents, say).
   */
  public static Set<String> withheld(Map<String, Long> sizes, Set<String> small, int minCell) {
    Set<String> withheld = new LinkedHashSet<>();
    long hidden = 0;
    for (Map.Entry<String, Long> group : sizes.entrySet()) {
      if (small.contains(group.getKey()) || group.getValue() > 0 && group.getValue() < minCell) {
        withheld.add(group.getKey());
        hidden += group.getValue();
      }
    }
    while (hidden > 0 && hidden < minCell) {
      String smallest = null;
      for (Map.Entry<String, Long> group : sizes.entrySet()) {
        boolean candidate = !withheld.contains(group.getKey()) && group.getValue() > 0;
        if (candidate && (smallest == null || group.getValue() < sizes.get(smallest))) {
          smallest = group.getKey();
        }
      }
      if (smallest == null) {
        break;
      }
      withheld.add(smallest);
      hidden += sizes.get(smallest);
    }
    Set<String> ordered = new LinkedHashSet<>();
    sizes.keySet().stream().filter(withheld::contains).forEach(ordered::add);
    return ordered;
  }
}
