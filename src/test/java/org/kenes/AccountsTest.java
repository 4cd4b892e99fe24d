package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facilitator accounts, sessions (cookie and token), CSRF, and the audit of who did what. */
class AccountsTest {

  @TempDir
  Path dir;

  private static HttpResponse<Buffer> createAccount(TestKenes kenes, String bearer, String username, String password) {
    return kenes.vertxClient().post("/api/accounts").bearerTokenAuthentication(bearer)
        .sendJsonObject(new JsonObject().put("username", username).put("name", "Maria N.").put("password", password))
        .await();
  }

  private static String apiLogin(TestKenes kenes, String username, String password, int expected) {
    HttpResponse<Buffer> r = kenes.vertxClient().post("/api/session").sendJsonObject(new JsonObject()
        .put("username", username).put("password", password)).await();
    assertEquals(expected, r.statusCode(), r.bodyAsString());
    return expected == 200 ? r.bodyAsJsonObject().getString("token") : null;
  }

  @Test
  @DisplayName("the admin creates an account; its password is stored as a slow salted hash; it signs in for a token")
  void accountsAndTokens() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      assertEquals(201, createAccount(kenes, TestKenes.ADMIN, "Maria", "correct horse battery").statusCode());
      assertEquals(409, createAccount(kenes, TestKenes.ADMIN, "maria", "another long password").statusCode());
      HttpResponse<Buffer> bad = createAccount(kenes, TestKenes.ADMIN, "x", "short");
      assertEquals(400, bad.statusCode());
      assertEquals(List.of("username", "password"), bad.bodyAsJsonObject().getJsonArray("details").stream()
          .map(d -> ((JsonObject) d).getString("path")).toList());

      JsonObject stored = kenes.services().store().client().findOne("accounts", new JsonObject().put("_id", "maria"), null)
          .await();
      String hash = stored.getString("password");
      assertTrue(hash.startsWith("pbkdf2-sha256$310000$"), hash);
      assertFalse(hash.contains("correct horse"), "never the password itself");

      String token = apiLogin(kenes, "MARIA", "correct horse battery", 200);
      assertEquals(200, kenes.vertxClient().get("/api/studies").bearerTokenAuthentication(token).send().await().statusCode());
      apiLogin(kenes, "maria", "wrong password here", 401);
      apiLogin(kenes, "nobody", "correct horse battery", 401);
      assertNotNull(apiLogin(kenes, null, TestKenes.ADMIN, 200), "the admin token alone signs in as admin");

      // A facilitator runs studies but does not manage accounts.
      assertEquals(403, createAccount(kenes, token, "other", "a long enough password").statusCode());
      assertEquals(403, kenes.vertxClient().get("/api/accounts").bearerTokenAuthentication(token).send().await().statusCode());
      JsonArray accounts = kenes.adminGet("/api/accounts").bodyAsJsonArray();
      assertEquals("maria", accounts.getJsonObject(0).getString("username"));
      assertFalse(accounts.encode().contains("pbkdf2"), "hashes never leave the server");

      assertEquals(204, kenes.vertxClient().delete("/api/session").bearerTokenAuthentication(token).send().await().statusCode());
      assertEquals(401, kenes.vertxClient().get("/api/studies").bearerTokenAuthentication(token).send().await().statusCode());
    }
  }

  @Test
  @DisplayName("without a session or token every facilitator call answers 401, and a browser is sent to sign in")
  void unauthorized() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      for (String path : List.of("/api/studies/small/outbox", "/api/studies/small/live", "/api/studies/small/changes",
          "/api/studies/small/audit", "/api/studies/small/rounds/1/open-answers", "/api/accounts", "/console",
          "/console/studies/small")) {
        assertEquals(401, kenes.get(path).statusCode(), path);
      }
      for (String path : List.of("/api/studies/small/invitations", "/api/studies/small/reminders",
          "/api/studies/small/items", "/console/studies/small/rounds")) {
        assertEquals(401, kenes.vertxClient().post(path).send().await().statusCode(), path);
      }
      HttpResponse<Buffer> page = kenes.vertxClient().get("/console/studies/small").putHeader("Accept", "text/html")
          .send().await();
      assertEquals(303, page.statusCode());
      assertEquals("/console/login?next=%2Fconsole%2Fstudies%2Fsmall", page.getHeader("Location"));
      HttpResponse<Buffer> cookie = kenes.vertxClient().get("/api/studies").putHeader("Cookie", "kenes_session=forged")
          .send().await();
      assertEquals(401, cookie.statusCode());
    }
  }

  @Test
  @DisplayName("the login form takes an account or the admin token; the cookie is HttpOnly and SameSite; logout ends it")
  void loginForm() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      createAccount(kenes, TestKenes.ADMIN, "maria", "correct horse battery");
      ConsoleSession maria = ConsoleSession.login(kenes, "maria", "correct horse battery");
      assertTrue(maria.setCookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), maria.setCookie);
      assertTrue(maria.setCookie.contains("SameSite=Lax"), maria.setCookie);
      assertFalse(maria.setCookie.contains("Secure"), "http base URL: " + maria.setCookie);
      HttpResponse<Buffer> home = maria.get("/console");
      assertEquals(200, home.statusCode());
      assertTrue(home.bodyAsString().contains("Signed in as maria"));
      assertFalse(home.bodyAsString().contains("/console/accounts"), "accounts are the admin's");
      assertEquals(403, maria.get("/console/accounts").statusCode());

      ConsoleSession admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
      assertTrue(admin.get("/console").bodyAsString().contains("Signed in as admin"));

      // A wrong password: the form again, 401, no session.
      HttpResponse<Buffer> form = kenes.get("/console/login");
      String loginCookie = form.cookies().get(0).split(";")[0];
      HttpResponse<Buffer> wrong = kenes.vertxClient().post("/console/login").putHeader("Cookie", loginCookie)
          .sendForm(MultiMap.caseInsensitiveMultiMap().add("csrf", ConsoleSession.csrfOf(form.bodyAsString()))
              .add("username", "maria").add("password", "nope")).await();
      assertEquals(401, wrong.statusCode());
      assertTrue(wrong.bodyAsString().contains("not right"));
      // The login form without its token: 403.
      assertEquals(403, kenes.vertxClient().post("/console/login").sendForm(MultiMap.caseInsensitiveMultiMap()
          .add("username", "").add("password", TestKenes.ADMIN)).await().statusCode());

      HttpResponse<Buffer> out = maria.post("/console/logout", "/console", MultiMap.caseInsensitiveMultiMap());
      assertEquals(303, out.statusCode());
      assertEquals(401, kenes.vertxClient().get("/api/studies").putHeader("Cookie", maria.cookie).send().await()
          .statusCode());
    }
  }

  @Test
  @DisplayName("a cookie-authenticated POST without the session's CSRF token is refused with 403 and changes nothing")
  void csrf() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      ConsoleSession admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
      MultiMap none = MultiMap.caseInsensitiveMultiMap();
      assertEquals(403, admin.postWithToken("/console/studies/small/rounds", null, none).statusCode());
      assertEquals(403, admin.postWithToken("/console/studies/small/rounds", "forged", none).statusCode());
      assertEquals(403, admin.request(kenes.vertxClient().post("/api/studies/small/rounds")).send().await().statusCode());
      assertEquals(0, kenes.adminGet("/api/studies/small/rounds").bodyAsJsonArray().size(), "nothing opened");

      assertEquals(200, admin.request(kenes.vertxClient().post("/api/studies/small/invitations"))
          .putHeader("X-CSRF-Token", admin.csrf("/console")).send().await().statusCode(), "the API takes the header");
      HttpResponse<Buffer> opened = admin.post("/console/studies/small/rounds", "/console/studies/small", none);
      assertEquals(303, opened.statusCode(), opened.bodyAsString());
      assertEquals("/console/studies/small?done=opened&n=1", opened.getHeader("Location"));
      assertEquals(1, kenes.adminGet("/api/studies/small/rounds").bodyAsJsonArray().size());
    }
  }

  @Test
  @DisplayName("with an https base URL the session cookie is Secure")
  void secureCookie() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"), TestKenes.emptyFolder(dir.resolve("data")),
        Map.of("KENES_BASE_URL", "https://kenes.example.org"))) {
      assertTrue(ConsoleSession.login(kenes, null, TestKenes.ADMIN).setCookie.contains("Secure"));
    }
  }

  @Test
  @DisplayName("sessions live in the store: a second instance on the same store knows them")
  void sharedSessions() {
    try (TestKenes a = TestKenes.start(dir.resolve("a"))) {
      createAccount(a, TestKenes.ADMIN, "maria", "correct horse battery");
      String token = apiLogin(a, "maria", "correct horse battery", 200);
      ConsoleSession cookie = ConsoleSession.login(a, "maria", "correct horse battery");
      try (TestKenes b = TestKenes.start(dir.resolve("b"), TestKenes.emptyFolder(dir.resolve("b")),
          Map.of("KENES_MONGO_URI", a.services().store().embeddedUri()))) {
        assertEquals(200, b.vertxClient().get("/api/studies").bearerTokenAuthentication(token).send().await().statusCode());
        assertEquals(200, b.vertxClient().get("/console").putHeader("Cookie", cookie.cookie).send().await().statusCode());
      }
    }
  }

  @Test
  @DisplayName("every facilitator action is in the audit: when, who, what, on what")
  void audit() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      createAccount(kenes, TestKenes.ADMIN, "maria", "correct horse battery");
      String maria = apiLogin(kenes, "maria", "correct horse battery", 200);
      kenes.vertxClient().post("/api/studies").bearerTokenAuthentication(maria).putHeader("Content-Type", "application/yaml")
          .sendBuffer(Buffer.buffer(TestKenes.resource("studies/small.yaml"))).await();
      kenes.addParticipants("small", "policy", "providers");
      kenes.adminPost("/api/studies/small/invitations");
      kenes.vertxClient().post("/api/studies/small/rounds").bearerTokenAuthentication(maria).send().await();
      kenes.adminPost("/api/studies/small/rounds/1/close");
      kenes.adminGet("/api/studies/small/export.csv");

      JsonArray audit = kenes.vertxClient().get("/api/studies/small/audit").bearerTokenAuthentication(maria).send().await()
          .bodyAsJsonArray();
      List<String> lines = audit.stream().map(e -> (JsonObject) e)
          .map(e -> e.getString("actor") + " " + e.getString("action") + " " + e.getString("target")).toList();
      assertEquals(List.of("maria study.created small", "admin participants.added 2 participant(s)",
          "admin invitations.queued 2 message(s)", "maria round.opened round 1", "admin round.closed round 1", "admin responses.exported export.csv"), lines);
      audit.forEach(e -> assertTrue(((JsonObject) e).getString("at").matches("\\d{4}-\\d\\d-\\d\\dT.*Z")));
      JsonArray all = kenes.adminGet("/api/audit").bodyAsJsonArray();
      List<String> actions = all.stream().map(e -> ((JsonObject) e).getString("action")).toList();
      assertTrue(actions.containsAll(List.of("account.created", "login")), actions.toString());
      HttpResponse<Buffer> page = ConsoleSession.login(kenes, null, TestKenes.ADMIN).get("/console/studies/small/audit");
      assertTrue(page.bodyAsString().contains("round.opened"), page.bodyAsString());
    }
  }
}
