package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin keeps control of accounts: they are disabled and given new passwords, their sessions are ended; an
 * account changes its own password and signs out everywhere. Console and API.
 */
class AccountControlTest {

  private static final String NEW_PASSWORD = "a brand new passphrase";

  @TempDir
  static Path dir;
  private static TestKenes kenes;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  static int studies(TestKenes kenes, String bearer) {
    return kenes.vertxClient().get("/api/studies").bearerTokenAuthentication(bearer).send().await().statusCode();
  }

  private static int apiLogin(TestKenes kenes, String username, String password) {
    return kenes.vertxClient().post("/api/session").sendJsonObject(new JsonObject().put("username", username)
        .put("password", password)).await().statusCode();
  }

  /** Whether a console session still opens the console (not sent to sign in). */
  static boolean signedIn(ConsoleSession session) {
    return session.get("/console").statusCode() == 200;
  }

  @Test
  @DisplayName("the admin disables an account (its sessions end, it cannot sign in), enables it, resets its password")
  void disableAndReset() {
    String token = kenes.account("maria");
    ConsoleSession maria = ConsoleSession.login(kenes, "maria", TestKenes.PASSWORD);
    HttpResponse<Buffer> off = kenes.adminPut("/api/accounts/maria/disabled", new JsonObject().put("disabled", true));
    assertEquals(200, off.statusCode(), off.bodyAsString());
    assertEquals(true, off.bodyAsJsonObject().getBoolean("disabled"));
    assertEquals(401, studies(kenes, token));
    assertTrue(!signedIn(maria), "the console session ended too");
    assertEquals(401, apiLogin(kenes, "maria", TestKenes.PASSWORD), "a disabled account cannot sign in");
    assertEquals(400, kenes.adminPut("/api/accounts/maria/disabled", new JsonObject().put("disabled", "yes"))
        .statusCode());
    assertEquals(400, kenes.adminPut("/api/accounts/nobody/disabled", new JsonObject().put("disabled", true))
        .statusCode());

    // The console's accounts page, in Russian: enable again, then a new password.
    ConsoleSession admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN, "ru");
    String page = admin.get("/console/accounts").bodyAsString();
    assertTrue(page.contains("Отключена") && page.contains("Включить maria"), "the state and the button, in Russian");
    assertEquals(303, admin.post("/console/accounts/maria/disabled", "/console/accounts",
        MultiMap.caseInsensitiveMultiMap().add("disabled", "false")).statusCode());
    String again = kenes.login("maria");
    assertEquals(200, studies(kenes, again));

    HttpResponse<Buffer> tooShort = admin.post("/console/accounts/maria/password", "/console/accounts",
        MultiMap.caseInsensitiveMultiMap().add("password", "short"));
    assertEquals(400, tooShort.statusCode());
    assertTrue(tooShort.bodyAsString().contains("не менее 10 символов"));
    assertEquals(303, admin.post("/console/accounts/maria/password", "/console/accounts",
        MultiMap.caseInsensitiveMultiMap().add("password", NEW_PASSWORD)).statusCode());
    assertEquals(401, studies(kenes, again), "a new password ends the account's sessions");
    assertEquals(401, apiLogin(kenes, "maria", TestKenes.PASSWORD));
    assertEquals(200, apiLogin(kenes, "maria", NEW_PASSWORD));
    assertEquals(204, kenes.adminPut("/api/accounts/maria/password", new JsonObject()
        .put("password", TestKenes.PASSWORD)).statusCode());

    String audit = kenes.adminGet("/api/audit").bodyAsString();
    for (String action : new String[] {"account.disabled", "account.enabled", "account.password.reset"}) {
      assertTrue(audit.contains("\"action\":\"" + action + "\",\"target\":\"maria\""), action + " audited");
    }
    assertTrue(audit.contains("\"action\":\"login.failed\",\"target\":\"maria\""), "failed sign-ins audited");
  }

  @Test
  @DisplayName("an account changes its password on Preferences; the admin or the account ends its sessions")
  void ownPasswordAndSessions() {
    String token = kenes.account("ivan");
    ConsoleSession here = ConsoleSession.login(kenes, "ivan", TestKenes.PASSWORD);
    ConsoleSession elsewhere = ConsoleSession.login(kenes, "ivan", TestKenes.PASSWORD);

    HttpResponse<Buffer> wrong = here.post("/console/password", "/console/preferences", MultiMap
        .caseInsensitiveMultiMap().add("current", "not my password").add("password", NEW_PASSWORD));
    assertEquals(400, wrong.statusCode());
    assertTrue(wrong.bodyAsString().contains("not your current password"), "the field says why");
    assertEquals(303, here.post("/console/password", "/console/preferences", MultiMap.caseInsensitiveMultiMap()
        .add("current", TestKenes.PASSWORD).add("password", NEW_PASSWORD)).statusCode());
    assertTrue(signedIn(here), "the session it was changed from goes on");
    assertTrue(!signedIn(elsewhere), "the other console session ended");
    assertEquals(401, studies(kenes, token), "and so did the API token");
    assertEquals(200, apiLogin(kenes, "ivan", NEW_PASSWORD));

    // The API: the own password back, then signing out everywhere.
    String api = kenes.vertxClient().post("/api/session").sendJsonObject(new JsonObject().put("username", "ivan")
        .put("password", NEW_PASSWORD)).await().bodyAsJsonObject().getString("token");
    HttpResponse<Buffer> changed = kenes.vertxClient().put("/api/me/password").bearerTokenAuthentication(api)
        .sendJsonObject(new JsonObject().put("current", NEW_PASSWORD).put("password", TestKenes.PASSWORD)).await();
    assertEquals(204, changed.statusCode(), changed.bodyAsString());
    ConsoleSession third = ConsoleSession.login(kenes, "ivan", TestKenes.PASSWORD);
    HttpResponse<Buffer> ended = kenes.vertxClient().delete("/api/me/sessions").bearerTokenAuthentication(api)
        .send().await();
    assertEquals(200, ended.statusCode());
    assertTrue(ended.bodyAsJsonObject().getLong("ended") >= 2);
    assertEquals(401, studies(kenes, api));
    assertTrue(!signedIn(third) && !signedIn(here));

    // Signing out everywhere from the console's Preferences, and the admin ending an account's sessions.
    ConsoleSession fourth = ConsoleSession.login(kenes, "ivan", TestKenes.PASSWORD);
    String another = kenes.login("ivan");
    HttpResponse<Buffer> out = fourth.post("/console/sessions/end", "/console/preferences",
        MultiMap.caseInsensitiveMultiMap());
    assertEquals("/console/login", out.getHeader("Location"));
    assertEquals(401, studies(kenes, another));
    String last = kenes.login("ivan");
    HttpResponse<Buffer> byAdmin = kenes.vertxClient().delete("/api/accounts/ivan/sessions")
        .bearerTokenAuthentication(TestKenes.ADMIN).send().await();
    assertEquals(1, byAdmin.bodyAsJsonObject().getLong("ended"));
    assertEquals(401, studies(kenes, last));
    assertTrue(kenes.adminGet("/api/audit").bodyAsString().contains("\"action\":\"sessions.ended\""));
  }

  @Test
  @DisplayName("a session guessing its account's current password is slowed like a sign-in")
  void guessingTheCurrentPassword() {
    String token = kenes.account("zoe");
    for (int i = 0; i < 5; i++) {
      HttpResponse<Buffer> wrong = kenes.vertxClient().put("/api/me/password").bearerTokenAuthentication(token)
          .sendJsonObject(new JsonObject().put("current", "guess " + i).put("password", NEW_PASSWORD)).await();
      assertEquals("current", wrong.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
    }
    HttpResponse<Buffer> waits = kenes.vertxClient().put("/api/me/password").bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("current", TestKenes.PASSWORD).put("password", NEW_PASSWORD)).await();
    assertEquals(429, waits.statusCode());
    assertTrue(waits.getHeader("Retry-After") != null);
  }
}
