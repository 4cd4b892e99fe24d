package org.kenes.consensus;

/**
 * The ratings of an item by the panelists a filter on their attributes selects (sector = public, expertise ≥ 4),
 * shown only where they describe no group under minCell (README, "Results by attribute"): the selected group itself
 * must hold at least minCell valid ratings, and so must the rest, unless empty, because the item's overall figures
 * minus the selected group's would describe the rest.
 */
public final class FilteredGroup {
  private FilteredGroup() {
  }

  /** The selected group's statistics, or null when they are withheld. */
  public static RatingStats stats(RatingTally selected, RatingTally rest, Criteria criteria) {
    boolean small = selected.n() < criteria.minCell();
    boolean revealsRest = rest.n() > 0 && rest.n() < criteria.minCell();
    return small || revealsRest ? null : RatingStats.of(selected, criteria);
  }
}
