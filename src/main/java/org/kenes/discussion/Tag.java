package org.kenes.discussion;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What kind of argument a post makes, as its author says (optional). */
public enum Tag {
  FOR,
  AGAINST,
  QUESTION,
  EVIDENCE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Tag::key).toList();
  }

  /** The tag of a key; null for none (null or empty); {@link IllegalArgumentException} for an unknown key. */
  public static Tag fromKey(String key) {
    if (key == null || key.isEmpty()) {
      return null;
    }
    return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("must be one of " + keys()));
  }
}
