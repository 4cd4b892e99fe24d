package org.kenes.common;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One thing wrong with a piece of input, at a path such as {@code items[3].text.ru}.
 *
 * <p>A problem made with {@link #of} also carries a key of the {@code i18n/problems} bundle and its arguments, so that
 * the console can say it in the facilitator's language; {@code message} is always the English text, which the API and
 * the logs keep. A problem made with a message alone reads the same in every language.
 *
 * @param key  the bundle key, or null
 * @param args the key's arguments, already written as text (numbers as the file has them, no grouping)
 */
public record Problem(String path, String message, String key, List<String> args) {

  private static final String BUNDLE = "i18n/problems";

  public Problem {
    args = List.copyOf(args);
  }

  public Problem(String path, String message) {
    this(path, message, null, List.of());
  }

  /** A problem said by a bundle key, in English for {@code message}. */
  public static Problem of(String path, String key, Object... args) {
    List<String> texts = Arrays.stream(args).map(String::valueOf).toList();
    return new Problem(path, format("en", key, texts), key, texts);
  }

  /** The same problem at another path (a part of a larger input read on its own, say). */
  public Problem at(String newPath) {
    return new Problem(newPath, message, key, args);
  }

  /** The message in a language, English where the bundle has none. */
  public String message(String language) {
    return key == null ? message : format(language, key, args);
  }

  private static String format(String language, String key, List<String> args) {
    // Without the JVM's default locale as a fallback: a language without a file of its own reads English.
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(key), Locale.forLanguageTag(language)).format(args.toArray());
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
