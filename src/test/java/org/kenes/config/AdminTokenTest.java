package org.kenes.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("an admin token under 24 characters is refused at start with a message naming the variable")
  void shortTokenRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KenesConfig.from(Map.of(KenesConfig.ADMIN_TOKEN, "secret-of-23-characters")));
    assertTrue(e.getMessage().contains("KENES_ADMIN_TOKEN"), e.getMessage());
    assertTrue(e.getMessage().contains("24"), e.getMessage());
    assertEquals("a-token-of-24-characters",
        KenesConfig.from(Map.of(KenesConfig.ADMIN_TOKEN, "a-token-of-24-characters")).adminToken());
  }

  @Test
  @DisplayName("a short token written into the data folder by hand is refused too; a generated one is long")
  void shortTokenFileRefused() throws Exception {
    KenesConfig config = KenesConfig.from(Map.of(KenesConfig.DATA_DIR, dir.toString()));
    String generated = AdminToken.resolve(config);
    assertTrue(generated.length() >= AdminToken.MIN_LENGTH);
    Files.writeString(dir.resolve("admin-token"), "short\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdminToken.resolve(config));
    assertTrue(e.getMessage().contains("admin-token"), e.getMessage());
  }
}
