package org.kenes.common;

import java.util.List;

/**
 * One thing wrong with a piece of input, at a path such as {@code items[3].text.ru}. A problem worded in the bundles
 * also keeps its {@code key} and {@code args}, so that a page can say it in its reader's language (the console's
 * forms, the study builder); {@code message} is always the English text, which the API and the logs keep. A problem
 * made with a message alone reads the same in every language.
 */
public record Problem(String path, String message, String key, List<Object> args) {

  public Problem {
    args = List.copyOf(args);
  }

  public Problem(String path, String message) {
    this(path, message, null, List.of());
  }

  /** A problem worded by the bundles' {@code key} (the {@code problem.*} texts). */
  public static Problem worded(String path, String key, Object... args) {
    return new Problem(path, Messages.english(key, args), key, List.of(args));
  }

  /** The same problem at another path (a part of a larger input read on its own, say). */
  public Problem at(String newPath) {
    return new Problem(newPath, message, key, args);
  }

  /** The message in a language, English where the bundles have none. */
  public String message(String language) {
    return key == null ? message : Messages.format(language, key, args.toArray());
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
