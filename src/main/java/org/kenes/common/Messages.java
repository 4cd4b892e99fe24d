package org.kenes.common;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of the message bundles ({@code i18n/messages*.properties}), for what is worded before a page knows its
 * reader: a problem found deep in a service is stored with its key and arguments, and its English text is what the
 * API answers. Pages read the bundles through {@code web.Views}, which keeps what it found.
 */
public final class Messages {

  private static final String BUNDLE = "i18n/messages";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  /**
   * The languages of the bundles, English (the base bundle's) first, then each {@code messages_xx.properties}, found
   * once: a language a request asks for is looked up here, never handed to {@link ResourceBundle}, which keeps every
   * locale it was asked for.
   */
  private static final List<String> LANGUAGES = bundleLanguages();

  private Messages() {}

  /** English and every language with a bundle of its own, so that a third language is one properties file. */
  public static List<String> languages() {
    return LANGUAGES;
  }

  /**
   * The bundles' language for a language tag ({@code ru-RU} → {@code ru}), or null when no bundle has it: only the
   * bundles' languages are ever taken from a request, however it spells them.
   */
  public static String spoken(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String language = Locale.forLanguageTag(tag).getLanguage();
    return LANGUAGES.contains(language) ? language : null;
  }

  /**
   * A key's pattern in a language, with English as the fallback for a language without a bundle (a study's language
   * the interface does not speak) or a missing key.
   */
  public static String pattern(String language, String key) {
    String bundled = spoken(language);
    if (bundled != null && !"en".equals(bundled)) {
      try {
        return ResourceBundle.getBundle(BUNDLE, new Locale(bundled), NO_FALLBACK).getString(key);
      } catch (MissingResourceException e) {
        // the key is English only
      }
    }
    return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NO_FALLBACK).getString(key);
  }

  /** A key's English text with its arguments. */
  public static String english(String key, Object... args) {
    return format("en", key, args);
  }

  /** A key's text with its arguments in a language, English where the bundles have none. */
  public static String format(String language, String key, Object... args) {
    String bundled = spoken(language);
    Locale locale = bundled == null ? Locale.ENGLISH : Locale.forLanguageTag(bundled);
    return new MessageFormat(pattern(language, key), locale).format(args);
  }

  private static List<String> bundleLanguages() {
    List<String> languages = new ArrayList<>(List.of("en"));
    for (String language : Locale.getISOLanguages()) {
      try {
        if (!"en".equals(language)
            && ResourceBundle.getBundle(BUNDLE, new Locale(language), NO_FALLBACK).getLocale().getLanguage()
                .equals(language)) {
          languages.add(language);
        }
      } catch (MissingResourceException e) {
        // no bundle at all: English only
      }
    }
    // Unmodifiable but asked safely whether it holds null (a form field not sent): List.copyOf's list would throw.
    return Collections.unmodifiableList(languages);
  }
}
