package org.kenes.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with the JDK's PBKDF2WithHmacSHA256, a random salt per password and a high iteration count, stored
 * as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} so that the count can be raised later without breaking old hashes.
 * Deliberately slow: call from a worker thread, never an event loop.
 */
public final class Passwords {

  static final int ITERATIONS = 310_000;
  /**
   * The iteration counts a stored hash may have: no fewer than Kenes ever wrote, and not so many that checking one
   * password takes a worker for seconds (a hash from a store written by someone else, or a forged backup).
   */
  static final int MIN_ITERATIONS = 310_000;
  static final int MAX_ITERATIONS = 10 * ITERATIONS;
  private static final String PREFIX = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

  private Passwords() {}

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return PREFIX + "$" + ITERATIONS + "$" + ENCODER.encodeToString(salt) + "$"
        + ENCODER.encodeToString(derive(password, salt, ITERATIONS));
  }

  /** False as well for a stored hash that is not one Kenes could have written ({@link #wellFormed}). */
  public static boolean verify(String password, String stored) {
    if (!wellFormed(stored)) {
      return false;
    }
    String[] parts = stored.split("\\$");
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
  }

  /** Whether a stored hash is {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, its iterations within bounds. */
  public static boolean wellFormed(String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    if (parts.length != 4 || !PREFIX.equals(parts[0]) || !parts[1].matches("\\d{1,9}")) {
      return false;
    }
    int iterations = Integer.parseInt(parts[1]);
    try {
      return iterations >= MIN_ITERATIONS && iterations <= MAX_ITERATIONS
          && Base64.getDecoder().decode(parts[2]).length >= 16 && Base64.getDecoder().decode(parts[3]).length == 32;
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } finally {
      spec.clearPassword();
    }
  }
}
