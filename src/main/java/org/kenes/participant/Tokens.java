package org.kenes.participant;

import java.security.SecureRandom;
import java.util.Base64;

/** Secrets and pseudonyms from a strong random source. */
public final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] PSEUDONYM_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

  private Tokens() {}

  /** 192 random bits, URL-safe: the secret of a personal link. */
  public static String token() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a text could be a personal link's secret: 32 characters of the URL-safe alphabet {@link #token} uses. */
  public static boolean wellFormed(String token) {
    return token != null && token.length() == 32 && token.chars().allMatch(c -> c >= 'A' && c <= 'Z'
        || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_');
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
