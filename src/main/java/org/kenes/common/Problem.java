package org.kenes.common;

/** One thing wrong with a piece of input, at a path such as {@code items[3].text.ru}. */
public record Problem(String path, String message) {

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
