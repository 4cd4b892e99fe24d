package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.config.KenesConfig;

/** A new admin token ends the sessions opened with the old one: the server is restarted on its data with another. */
class AdminTokenRotationTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("rotating KENES_ADMIN_TOKEN ends the admin's console sessions and API tokens of the old token")
  void rotation() {
    Path data = dir.resolve("data");
    String apiToken;
    String cookie;
    try (TestKenes kenes = TestKenes.start(data)) {
      ConsoleSession admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
      apiToken = kenes.vertxClient().post("/api/session").sendJsonObject(new JsonObject()
          .put("password", TestKenes.ADMIN)).await().bodyAsJsonObject().getString("token");
      assertEquals(200, AccountControlTest.studies(kenes, apiToken));
      assertTrue(AccountControlTest.signedIn(admin));
      cookie = admin.cookie;
    }
    String rotated = "a-rotated-admin-token-for-the-tests";
    try (TestKenes kenes = TestKenes.start(data, TestKenes.emptyFolder(data),
        Map.of(KenesConfig.ADMIN_TOKEN, rotated))) {
      assertEquals(401, AccountControlTest.studies(kenes, apiToken), "the old token's API session ended");
      HttpResponse<Buffer> page = kenes.vertxClient().get("/console").putHeader("Cookie", cookie)
          .putHeader("Accept", "text/html").send().await();
      assertEquals(303, page.statusCode(), "the old token's console session ended");
      assertEquals(200, AccountControlTest.studies(kenes, rotated));
      assertTrue(AccountControlTest.signedIn(ConsoleSession.login(kenes, null, rotated)));
    }
  }
}
