package org.kenes.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kenes.common.Tokens;

/**
 * The CSRF token of the sign-in form, before any session exists: {@code RANDOM.EXPIRY.MAC}, the MAC an HMAC-SHA-256
 * of the rest under a key derived from the admin token. Only the server can issue one, so a cookie and a field that
 * are merely equal (set by a page of another site, or a script on a sibling domain) do not pass; and every instance
 * behind a load balancer takes the forms of every other, as they share the admin token.
 */
final class LoginForms {

  /** How long a sign-in form may stay open before it must be reloaded. */
  static final long VALID_MS = 60 * 60_000;

  private final SecretKeySpec key;
  private final LongSupplier clock;

  LoginForms(byte[] adminToken, LongSupplier clock) {
    byte[] label = "kenes sign-in form\u0000".getBytes(StandardCharsets.UTF_8);
    byte[] material = new byte[label.length + adminToken.length];
    System.arraycopy(label, 0, material, 0, label.length);
    System.arraycopy(adminToken, 0, material, label.length, adminToken.length);
    try {
      this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(material), "HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    this.clock = clock;
  }

  String issue() {
    String body = Tokens.token() + "." + (clock.getAsLong() + VALID_MS);
    return body + "." + mac(body);
  }

  /** Whether a token is one this server (or another with the same admin token) issued, not yet expired. */
  boolean valid(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.");
    if (parts.length != 3 || !parts[1].matches("\\d{1,15}") || Long.parseLong(parts[1]) < clock.getAsLong()) {
      return false;
    }
    byte[] expected = mac(parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.UTF_8));
  }

  private String mac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java has HMAC-SHA-256", e);
    }
  }
}
