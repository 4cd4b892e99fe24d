package org.kenes.groups;

import java.util.Locale;

/** Why the analysis reports the k it does; the report and console say it in words. */
public enum Outcome {
  /** Two to five groups, clearly apart, none smaller than minCell. */
  GROUPS,
  /** The best clustering's silhouette stayed under the threshold: no camps, only a spread of views. */
  NO_CLEAR_STRUCTURE,
  /** Groups stood apart only at a k where one of them was smaller than minCell, so none are shown. */
  GROUPS_TOO_SMALL,
  /** Fewer than 2 × minCell panelists could be clustered: two groups could not both be shown. */
  TOO_FEW_PANELISTS,
  /**
   * Fewer items than the settings' minItems (2) were rated differently by different panelists: one
   * item, or a round everyone rated alike.
   */
  TOO_FEW_ITEMS;

  /** "groups", "no-clear-structure", "groups-too-small", "too-few-panelists" or "too-few-items". */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
