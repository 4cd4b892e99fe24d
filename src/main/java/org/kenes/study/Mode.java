package org.kenes.study;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a study's dialogue runs (the study file's {@code mode}). */
public enum Mode {
  /** Rounds, each closed before the group's answers are fed back in the next (the default). */
  ROUNDS,
  /**
   * One long round: a panelist sees the group's answers so far on every item they have answered and may revise until
   * the deadline; each item's first answer is kept, so that convergence is measured from first to final answers.
   */
  REAL_TIME;

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Mode::key).toList();
  }

  public static Mode fromKey(String key) {
    return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("must be one of " + keys()));
  }
}
