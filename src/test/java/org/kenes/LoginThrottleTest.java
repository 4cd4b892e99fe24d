package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password guessing is slowed per account and per address, password checks are bounded, the sign-in form is ours. */
class LoginThrottleTest {

  @TempDir
  static Path dir;
  private static final TestClock clock = new TestClock(Instant.parse("2026-06-01T09:00:00Z"));
  private static TestKenes kenes;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"), TestKenes.emptyFolder(dir.resolve("data")), Map.of(), clock);
  }

  /** Each test starts with the delays of the others long over (they all come from one address). */
  @BeforeEach
  void later() {
    clock.advance(Duration.ofHours(2));
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static HttpResponse<Buffer> apiLogin(String username, String password) {
    return kenes.vertxClient().post("/api/session").sendJsonObject(new JsonObject().put("username", username)
        .put("password", password)).await();
  }

  @Test
  @DisplayName("after 30 wrong passwords the right one is refused with 429 and Retry-After, growing; all audited")
  void guessing() {
    kenes.account("maria");
    List<Integer> statuses = new ArrayList<>();
    List<Integer> waits = new ArrayList<>();
    for (int checked = 0; checked < 30; ) {
      HttpResponse<Buffer> r = apiLogin("maria", "wrong password " + checked);
      statuses.add(r.statusCode());
      if (r.statusCode() == 429) {
        waits.add(Integer.parseInt(r.getHeader("Retry-After")));
        // The guesser waits out each delay: the next guess is checked, and fails again.
        clock.advance(Duration.ofSeconds(Integer.parseInt(r.getHeader("Retry-After"))));
      } else {
        checked++;
      }
    }
    assertEquals(List.of(401, 401, 401, 401, 401), statuses.subList(0, 5), "a few mistakes cost nothing");
    assertEquals(429, statuses.get(5), statuses.toString());
    assertTrue(waits.get(waits.size() - 1) > waits.get(0) * 100, "the delay grows: " + waits);

    HttpResponse<Buffer> right = apiLogin("maria", TestKenes.PASSWORD);
    assertEquals(429, right.statusCode(), "even the right password waits");
    assertNotNull(right.getHeader("Retry-After"));

    String audit = kenes.adminGet("/api/audit").bodyAsString();
    assertTrue(audit.contains("\"action\":\"login.failed\",\"target\":\"maria\""), audit);
    assertTrue(audit.contains("the next attempt waits"), "the delay is audited");

    clock.advance(Duration.ofHours(1));
    assertEquals(200, apiLogin("maria", TestKenes.PASSWORD).statusCode(), "once the delay is over");
    assertEquals(401, apiLogin("maria", "wrong once more").statusCode(), "a success starts the account afresh");
  }

  @Test
  @DisplayName("one address guessing many accounts is slowed too, the admin token's sign-in as well")
  void byAddress() {
    int refused = 0;
    for (int checked = 0; checked < 40; ) {
      HttpResponse<Buffer> r = apiLogin(checked % 2 == 0 ? "user" + checked : null, "not the token " + checked);
      if (r.statusCode() == 429) {
        refused++;
        clock.advance(Duration.ofSeconds(Integer.parseInt(r.getHeader("Retry-After"))));
      } else {
        checked++;
      }
    }
    assertTrue(refused > 10, refused + " refused");
    HttpResponse<Buffer> admin = apiLogin(null, TestKenes.ADMIN);
    assertEquals(429, admin.statusCode(), "the address waits, whatever it signs in with");
  }

  @Test
  @DisplayName("a flood of sign-ins checks a few passwords at once; the rest answer 429 with Retry-After at once")
  void flood() {
    List<Future<HttpResponse<Buffer>>> all = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      all.add(kenes.vertxClient().post("/api/session").sendJsonObject(new JsonObject()
          .put("username", "flood" + i).put("password", "not a password")));
    }
    Future.all(all).await();
    long busy = all.stream().map(Future::result).filter(r -> r.statusCode() == 429
        && r.bodyAsJsonObject().getString("error").contains("many passwords at once")).count();
    assertTrue(busy > 0, "some were told to come back");
    assertTrue(all.stream().map(Future::result).filter(r -> r.statusCode() == 429)
        .allMatch(r -> r.getHeader("Retry-After") != null));
  }

  @Test
  @DisplayName("the sign-in form takes only a token the server issued: an equal forged cookie and field get 403")
  void forgedForm() {
    MultiMap fields = MultiMap.caseInsensitiveMultiMap().add("csrf", "forged-by-someone").add("username", "")
        .add("password", TestKenes.ADMIN).add("next", "/console");
    HttpResponse<Buffer> forged = kenes.vertxClient().post("/console/login")
        .putHeader("Cookie", "kenes_login=forged-by-someone").sendForm(fields).await();
    assertEquals(403, forged.statusCode());

    ConsoleSession real = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
    assertTrue(real.cookie.startsWith("kenes_session="), "the form the server issued signs in");
  }
}
