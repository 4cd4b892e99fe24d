package org.kenes.participant;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Secrets and pseudonyms from a strong random source. */
public final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] PSEUDONYM_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");
  private static final Pattern PSEUDONYM = Pattern.compile("P-[" + new String(PSEUDONYM_ALPHABET) + "]{8}");

  private Tokens() {}

  /** 192 random bits, URL-safe: the secret of a personal link. */
  public static String token() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a text has the shape of a {@link #token()}. */
  public static boolean isToken(String text) {
    return text != null && TOKEN.matcher(text).matches();
  }

  /** Whether a text has the shape of a {@link #pseudonym()}. */
  public static boolean isPseudonym(String text) {
    return text != null && PSEUDONYM.matcher(text).matches();
  }

  /** A short, unambiguous pseudonym such as {@code P-7KQ2MX9D}: 40 random bits, nothing derived from the person. */
  public static String pseudonym() {
    StringBuilder b = new StringBuilder("P-");
    for (int i = 0; i < 8; i++) {
      b.append(PSEUDONYM_ALPHABET[RANDOM.nextInt(PSEUDONYM_ALPHABET.length)]);
    }
    return b.toString();
  }
}
