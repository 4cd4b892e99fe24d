package org.kenes.consensus;

/** Whether consensus-in bridges the stakeholder panels (CONSENSUS.md, "Across stakeholder panels"). */
public enum Bridging {
  ALL_PANELS_IN, DIVIDED, NONE;

  /** "all-panels-in", "divided" or "none". */
  public String key() {
    return Keys.of(this);
  }

  /** @throws IllegalArgumentException for a key that names no bridging state */
  public static Bridging fromKey(String key) {
    return Keys.find(values(), key);
  }
}
