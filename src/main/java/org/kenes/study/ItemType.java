package org.kenes.study;

import java.util.Locale;

/** The kinds of item a study asks. */
public enum ItemType {
  RATING, RANKING, OPEN;

  /** Its spelling in study files and JSON: "rating", "ranking" or "open". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException for a key that names no type */
  public static ItemType fromKey(String key) {
    for (ItemType type : values()) {
      if (type.key().equals(key)) {
        return type;
      }
    }
    throw new IllegalArgumentException("no item type '" + key + "'");
  }
}
