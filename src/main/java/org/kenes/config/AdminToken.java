package org.kenes.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.kenes.common.PrivateFiles;

/** The facilitator bearer token: {@code KENES_ADMIN_TOKEN}, else one generated on first start and kept in the data dir. */
public final class AdminToken {

  /**
   * The shortest token Kenes accepts: it signs in as the admin from anywhere the server is reachable, so it must not be
   * guessable (a generated one has 43 characters, 256 random bits).
   */
  public static final int MIN_LENGTH = 24;

  private AdminToken() {}

  /** Blocking (file access): call from a worker. */
  public static String resolve(KenesConfig config) throws IOException {
    if (config.adminToken() != null) {
      return config.adminToken();
    }
    Path file = config.dataDir().resolve("admin-token");
    if (Files.exists(file)) {
      PrivateFiles.restrict(file);
      return check(Files.readString(file, StandardCharsets.UTF_8).trim(), file.toString());
    }
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    PrivateFiles.folder(config.dataDir());
    PrivateFiles.write(file, token);
    // Printed once, on the console only (never logged), so that the facilitator can copy it.
    System.out.println("Kenes: generated a facilitator token (kept in " + file + "):\n  " + token);
    return token;
  }

  /** The token if it is long enough; {@link IllegalArgumentException} naming where it came from otherwise. */
  static String check(String token, String source) {
    if (token.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(source + " is " + token.length() + " characters long; the admin token must "
          + "have at least " + MIN_LENGTH + " (a long random secret, e.g. from `openssl rand -base64 32`)");
    }
    return token;
  }
}
