package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names the audit gives the admin and Kenes itself cannot be an account's. */
class ReservedUsernamesTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("usernames admin and kenes, in any case, are refused with a 400 naming the username, nothing stored")
  void reserved() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      for (String name : List.of("admin", "Admin", "ADMIN", "kenes", "KeNeS", " kenes ")) {
        HttpResponse<Buffer> r = kenes.adminPost("/api/accounts", "application/json", new JsonObject()
            .put("username", name).put("password", TestKenes.PASSWORD).encode());
        assertEquals(400, r.statusCode(), name + ": " + r.bodyAsString());
        JsonObject detail = r.bodyAsJsonObject().getJsonArray("details").getJsonObject(0);
        assertEquals("username", detail.getString("path"));
        assertTrue(detail.getString("message").contains("reserved"), detail.encode());
      }
      assertTrue(kenes.adminGet("/api/accounts").bodyAsJsonArray().isEmpty(), "nothing stored");

      ConsoleSession admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN, "ru");
      HttpResponse<Buffer> page = admin.post("/console/accounts", "/console/accounts", MultiMap.caseInsensitiveMultiMap()
          .add("username", "Kenes").add("name", "Kenes").add("password", TestKenes.PASSWORD));
      assertEquals(400, page.statusCode());
      assertTrue(page.bodyAsString().contains("занято"), "the console says why, in the reader's language");
      assertFalse(kenes.adminGet("/api/accounts").bodyAsJsonArray().encode().contains("kenes"));
    }
  }
}
