package org.kenes.mail;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The text of one kind of message in one language, with placeholders {@code {name}}, {@code {study}},
 * {@code {link}}, {@code {round}} and {@code {deadline}}; replaced literally, so a facilitator's apostrophes and
 * braces mean nothing special.
 */
public record MessageText(String kind, String language, String subject, String body, boolean edited) {

  /** The kinds of message to panelists, whose texts a facilitator may edit. */
  public static final java.util.List<String> KINDS = java.util.List.of(Message.INVITATION, Message.REMINDER,
      Message.RESULTS);
  private static final String BUNDLE = "i18n/mail";

  /** Kenes's own text for a kind and language (English where the language has none). */
  public static MessageText standard(String kind, String language) {
    ResourceBundle bundle = bundle(language);
    return new MessageText(kind, language, bundle.getString(kind + ".subject"), bundle.getString(kind + ".body"), false);
  }

  /** Whether Kenes has texts of its own in a language (English stands in for the others). */
  public static boolean ownTexts(String language) {
    return "en".equals(language) || bundle(language).getLocale().getLanguage().equals(Locale.forLanguageTag(language)
        .getLanguage());
  }

  /** The deadline sentence of a reminder, or nothing without a deadline. */
  static String deadline(String language, String closesAt) {
    return closesAt == null ? "" : java.text.MessageFormat.format(bundle(language).getString("deadline"),
        closesAt.replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", ""));
  }

  /** A message's subject as a pilot participant receives it: marked, so that nobody takes it for the real one. */
  static String pilot(String language, String subject) {
    return java.text.MessageFormat.format(bundle(language).getString("pilot.subject"), subject);
  }

  String fill(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
    }
    return out;
  }

  private static ResourceBundle bundle(String language) {
    try {
      return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    } catch (java.util.MissingResourceException e) {
      return ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
  }
}
