package org.kenes.common;

import java.util.List;

/**
 * One thing wrong with a piece of input, at a path such as {@code items[3].text.ru}. A problem worded in the bundles
 * also keeps its {@code key} and {@code args}, so that a page can say it in its reader's language; {@code message}
 * is always the English text.
 */
public record Problem(String path, String message, String key, List<Object> args) {

  public Problem(String path, String message) {
    this(path, message, null, List.of());
  }

  /** A problem worded by the bundles' {@code key}. */
  public static Problem worded(String path, String key, Object... args) {
    return new Problem(path, Messages.english(key, args), key, List.of(args));
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
