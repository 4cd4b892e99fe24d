package org.kenes.consensus;

/** The verdict on one rating item. */
public enum Verdict {
  CONSENSUS_IN, CONSENSUS_OUT, NO_CONSENSUS, INSUFFICIENT;

  /** "consensus-in", "consensus-out", "no-consensus" or "insufficient". */
  public String key() {
    return Keys.of(this);
  }

  /** @throws IllegalArgumentException for a key that names no verdict */
  public static Verdict fromKey(String key) {
    return Keys.find(values(), key);
  }

  /** True when the panel reached consensus either way, so the item needs no further round. */
  public boolean decided() {
    return this == CONSENSUS_IN || this == CONSENSUS_OUT;
  }
}
