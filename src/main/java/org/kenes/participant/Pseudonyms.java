package org.kenes.participant;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kenes.common.Tokens;

/**
 * The names under which a study's answers leave the server (DESIGN.md, "Personal data is separate from answers"):
 * keyed hashes (HMAC-SHA-256) of a participant's id under the study's own secret ({@link PseudonymKeys}). A
 * facilitator sees participants' ids next to their names, but without the secret cannot tell whose answers a
 * pseudonym or an open answer's id stands for; one person keeps one pseudonym in every round of a study, so that
 * rounds can be paired, and has another in another study.
 */
public final class Pseudonyms {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  Pseudonyms(byte[] secret) {
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  /** A participant's pseudonym in exports, such as {@code R-7KQ2MX9DH4TA}: 60 bits of the keyed hash. */
  public String respondent(String participant) {
    byte[] hash = hash("respondent\u0000" + participant);
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = bits << 8 | (hash[i] & 0xff);
    }
    StringBuilder b = new StringBuilder("R-");
    for (int i = 0; i < 12; i++) {
      b.append(Tokens.ALPHABET[(int) (bits >>> (59 - 5 * i)) & 31]);
    }
    return b.toString();
  }

  /** The opaque id of an open answer, {@code a-} and 16 hex digits: 64 bits of the keyed hash. */
  public String openAnswer(int round, String participant, String item) {
    return "a-" + HexFormat.of().formatHex(hash("open-answer\u0000" + round + "\u0000" + participant + "\u0000" + item),
        0, 8);
  }

  /**
   * The id of a discussion post, {@code p-} and 16 hex digits: the same post sent twice has the same id, and without
   * the secret nobody can tell from it whose post it is.
   */
  public String post(String participant, String content) {
    return "p-" + HexFormat.of().formatHex(hash("post\u0000" + participant + "\u0000" + content), 0, 8);
  }

  private byte[] hash(String text) {
    try {
      // A Mac is not thread-safe and cheap to make: one per hash.
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java has " + ALGORITHM, e);
    }
  }
}
