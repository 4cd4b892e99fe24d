package org.kenes.study;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** When panelists may discuss the items with each other (the study file's {@code discussion}). */
public enum Discussion {
  /** No discussion: no thread is shown or taken (the default). */
  OFF,
  /** Posts are taken while no round is open, once a round has closed; threads are read at any time. */
  BETWEEN_ROUNDS,
  /** Posts are taken at any time, rounds open or not. */
  ALWAYS;

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Discussion::key).toList();
  }

  public static Discussion fromKey(String key) {
    return Arrays.stream(values()).filter(d -> d.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("must be one of " + keys()));
  }
}
