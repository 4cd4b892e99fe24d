package org.kenes.consensus;

/** The RAND/UCLA classification of a 1–9 rating item. */
public enum Appropriateness {
  APPROPRIATE, UNCERTAIN, INAPPROPRIATE;

  /** "appropriate", "uncertain" or "inappropriate". */
  public String key() {
    return Keys.of(this);
  }

  /** @throws IllegalArgumentException for a key that names no class */
  public static Appropriateness fromKey(String key) {
    return Keys.find(values(), key);
  }
}
