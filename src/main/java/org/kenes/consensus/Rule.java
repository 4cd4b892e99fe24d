package org.kenes.consensus;

/** How a study decides consensus on a rating item (CONSENSUS.md, "Consensus verdicts"). */
public enum Rule {
  PERCENT, MEDIAN_IQR, RAND_UCLA;

  /** "percent", "median-iqr" or "rand-ucla", as study files spell it. */
  public String key() {
    return Keys.of(this);
  }

  /** @throws IllegalArgumentException for a key that names no rule */
  public static Rule fromKey(String key) {
    return Keys.find(values(), key);
  }
}
