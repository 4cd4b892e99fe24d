package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * An account's optional email address, where the retention warnings of the studies it owns go: set by the admin
 * (console and API) or by the account on its Preferences page, checked, and shown to nobody else.
 */
class AccountEmailTest {

  @TempDir
  static Path dir;
  static TestKenes kenes;
  static ConsoleSession admin;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
    admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static MultiMap form(String... pairs) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      m.add(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static String emailOf(String username) {
    return kenes.adminGet("/api/accounts").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(a -> username.equals(a.getString("username"))).findFirst().orElseThrow().getString("email");
  }

  @Test
  @DisplayName("the admin gives an account an address when creating it or later, in the console and the API; "
      + "what is no address is refused at its field and nothing is stored")
  void byTheAdmin() {
    HttpResponse<Buffer> bad = admin.post("/console/accounts", "/console/accounts", form("username", "aigerim",
        "name", "Aigerim S.", "password", TestKenes.PASSWORD, "email", "aigerim at health"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.bodyAsString().contains("not an email address"), bad.bodyAsString());
    assertTrue(bad.bodyAsString().contains("value=\"aigerim at health\""), "what was typed is kept");
    assertTrue(kenes.adminGet("/api/accounts").bodyAsJsonArray().stream()
        .noneMatch(a -> "aigerim".equals(((JsonObject) a).getString("username"))), "no account made");

    assertEquals(303, admin.post("/console/accounts", "/console/accounts", form("username", "aigerim",
        "name", "Aigerim S.", "password", TestKenes.PASSWORD, "email", " aigerim@health.example.org ")).statusCode());
    assertEquals("aigerim@health.example.org", emailOf("aigerim"));
    String page = admin.get("/console/accounts").bodyAsString();
    assertTrue(page.contains("id=\"email-aigerim\" name=\"email\" type=\"email\" value=\"aigerim@health.example.org\""),
        page);

    HttpResponse<Buffer> refused = admin.post("/console/accounts/aigerim/email", "/console/accounts",
        form("email", "aigerim@"));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("id=\"email-aigerim-error\""), refused.bodyAsString());
    assertEquals("aigerim@health.example.org", emailOf("aigerim"));
    HttpResponse<Buffer> changed = admin.post("/console/accounts/aigerim/email", "/console/accounts",
        form("email", "a.seitkali@health.example.org"));
    assertEquals(303, changed.statusCode());
    assertEquals("/console/accounts?done=account-email", changed.getHeader("Location"));
    assertEquals("a.seitkali@health.example.org", emailOf("aigerim"));
    assertEquals(303, admin.post("/console/accounts/aigerim/email", "/console/accounts", form("email", ""))
        .statusCode());
    assertNull(emailOf("aigerim"), "emptied: no address");
    assertEquals(400, admin.post("/console/accounts/nobody/email", "/console/accounts",
        form("email", "x@example.org")).statusCode());

    HttpResponse<Buffer> created = kenes.adminPost("/api/accounts", "application/json", new JsonObject()
        .put("username", "timur").put("password", TestKenes.PASSWORD).put("email", "timur@health.example.org")
        .encode());
    assertEquals(201, created.statusCode(), created.bodyAsString());
    assertEquals("timur@health.example.org", created.bodyAsJsonObject().getString("email"));
    assertEquals(400, kenes.adminPut("/api/accounts/timur/email", new JsonObject().put("email", 42)).statusCode());
    assertEquals(400, kenes.adminPut("/api/accounts/timur/email", new JsonObject()).statusCode());
    assertEquals("timur@health.example.org", emailOf("timur"), "a wrong body removes nothing");
    HttpResponse<Buffer> removed = kenes.adminPut("/api/accounts/timur/email", new JsonObject().putNull("email"));
    assertEquals(200, removed.statusCode(), removed.bodyAsString());
    assertNull(removed.bodyAsJsonObject().getString("email"));
    String account = kenes.account("nurlan");
    assertEquals(403, kenes.vertxClient().put("/api/accounts/timur/email").bearerTokenAuthentication(account)
        .sendJsonObject(new JsonObject().put("email", "me@example.org")).await().statusCode(), "the admin's alone");
    assertTrue(kenes.adminGet("/api/audit").bodyAsString().contains("timur: removed"), "audited, never the address");
    assertFalse(kenes.adminGet("/api/audit").bodyAsString().contains("health.example.org"));
  }

  @Test
  @DisplayName("an account sets its own address on its Preferences page; a wrong one stores nothing of the form")
  void byTheAccount() {
    kenes.account("olga");
    ConsoleSession olga = ConsoleSession.login(kenes, "olga", TestKenes.PASSWORD);
    String page = olga.get("/console/preferences").bodyAsString();
    assertTrue(page.contains("id=\"pref-email\" name=\"email\" type=\"email\" value=\"\""), page);
    assertFalse(admin.get("/console/preferences").bodyAsString().contains("pref-email"), "the admin has no account");

    HttpResponse<Buffer> bad = olga.post("/console/preferences", "/console/preferences",
        form("language", "ru", "timeZone", "Asia/Almaty", "email", "olga@@example.org"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.bodyAsString().contains("value=\"olga@@example.org\""), "what was typed is kept");
    assertNull(emailOf("olga"));
    assertFalse(olga.get("/console/preferences").bodyAsString().contains("<html lang=\"ru\""),
        "nothing of the form stored");

    assertEquals(303, olga.post("/console/preferences", "/console/preferences",
        form("language", "ru", "timeZone", "Asia/Almaty", "email", "olga.petrova@health.example.org")).statusCode());
    assertEquals("olga.petrova@health.example.org", emailOf("olga"));
    String saved = olga.get("/console/preferences").bodyAsString();
    assertTrue(saved.contains("value=\"olga.petrova@health.example.org\"") && saved.contains("<html lang=\"ru\""));
  }
}
