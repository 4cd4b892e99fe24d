package org.kenes.common;

import java.util.regex.Pattern;

/**
 * Text as a person typed it, less the characters that change how other text is shown without being seen themselves:
 * the bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069), with which a comment, a name or an
 * item can read to a facilitator otherwise than it is written, and control characters. Arabic and Hebrew letters, and
 * the marks that order them in mixed text (U+200E, U+200F, U+061C), are kept.
 */
public final class Texts {

  private static final Pattern BIDI_CONTROLS = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");
  /** Control characters but tab and the line breaks. */
  private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");
  private static final Pattern LINE_BREAKS = Pattern.compile("[\\t\\n\\r\\u0085\\u2028\\u2029]+");

  private Texts() {}

  /** A text of several lines (a comment, an item, a message): line breaks and tabs kept. */
  public static String clean(String text) {
    return text == null ? null : CONTROLS.matcher(BIDI_CONTROLS.matcher(text).replaceAll("")).replaceAll("");
  }

  /** A text of one line (a name, a subject): line breaks and tabs become a space. */
  public static String line(String text) {
    return text == null ? null : clean(LINE_BREAKS.matcher(text).replaceAll(" "));
  }
}
