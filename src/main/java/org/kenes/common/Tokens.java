package org.kenes.common;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Secrets and participant ids from a strong random source. */
public final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** 32 letters and digits no one confuses (no 0, O, 1, I): five bits each. */
  public static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");
  private static final Pattern PARTICIPANT_ID = Pattern.compile("P-[" + new String(ALPHABET) + "]{8}");

  private Tokens() {}

  /** 192 random bits, URL-safe: the secret of a personal link. */
  public static String token() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a text could be a personal link's secret: 32 characters of the URL-safe alphabet {@link #token} uses. */
  public static boolean wellFormed(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  /** Whether a text has the shape of a {@link #participantId()}. */
  public static boolean isParticipantId(String text) {
    return text != null && PARTICIPANT_ID.matcher(text).matches();
  }

  /**
   * A participant's id, short and unambiguous, such as {@code P-7KQ2MX9D}: 40 random bits, nothing derived from the
   * person. Facilitators see it next to the name; answers leave the server under {@link Pseudonyms} instead.
   */
  public static String participantId() {
    StringBuilder b = new StringBuilder("P-");
    for (int i = 0; i < 8; i++) {
      b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return b.toString();
  }

  /** 256 random bits: a study's secret for its {@link Pseudonyms}. */
  public static byte[] secret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
