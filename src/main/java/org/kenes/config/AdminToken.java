package org.kenes.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The facilitator bearer token: {@code KENES_ADMIN_TOKEN}, else one generated on first start and kept in the data dir. */
public final class AdminToken {

  private AdminToken() {}

  /** Blocking (file access): call from a worker. */
  public static String resolve(KenesConfig config) throws IOException {
    if (config.adminToken() != null) {
      return config.adminToken();
    }
    Path file = config.dataDir().resolve("admin-token");
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Files.createDirectories(config.dataDir());
    Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the file keeps the default permissions
    }
    // Printed once, on the console only (never logged), so that the facilitator can copy it.
    System.out.println("Kenes: generated a facilitator token (kept in " + file + "):\n  " + token);
    return token;
  }
}
