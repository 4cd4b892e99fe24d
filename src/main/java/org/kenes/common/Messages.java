package org.kenes.common;

import java.text.MessageFormat;
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

  private Messages() {}

  /** A key's pattern in a language, with English as the fallback for a missing bundle or key. */
  public static String pattern(String language, String key) {
    try {
      return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    } catch (MissingResourceException e) {
      return ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }
  }

  /** A key's English text with its arguments. */
  public static String english(String key, Object... args) {
    return new MessageFormat(pattern("en", key), Locale.ENGLISH).format(args);
  }
}
