package org.kenes.study;

/** Which items a later round asks again. */
public enum CarryForward {
  /** Rating items that reached no consensus (the default). */
  NO_CONSENSUS("no-consensus"),
  /** Every rating item. */
  ALL_RATING("all-rating"),
  /** Every rating and ranking item. */
  ALL("all");

  private final String key;

  CarryForward(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static CarryForward fromKey(String key) {
    for (CarryForward c : values()) {
      if (c.key.equals(key)) {
        return c;
      }
    }
    throw new IllegalArgumentException("must be one of no-consensus, all-rating, all");
  }
}
