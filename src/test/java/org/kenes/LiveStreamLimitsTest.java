package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live streams are bounded per account and end with the session that opened them. */
class LiveStreamLimitsTest {

  @TempDir
  static Path dir;
  static TestKenes kenes;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
    kenes.createSmallStudy();
    kenes.adminPost("/api/accounts", "application/json", new JsonObject().put("username", "maria")
        .put("password", "correct horse battery").encode());
    kenes.adminPost("/api/accounts", "application/json", new JsonObject().put("username", "aigerim")
        .put("password", "correct horse battery").encode());
    kenes.grant("small", "maria", "reader");
    kenes.grant("small", "aigerim", "reader");
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static String token(String username) {
    return kenes.vertxClient().post("/api/session").sendJsonObject(new JsonObject().put("username", username)
        .put("password", "correct horse battery")).await().bodyAsJsonObject().getString("token");
  }

  private static LiveEvents stream(String token) {
    return LiveEvents.open(kenes, "small", "Authorization", "Bearer " + token);
  }

  @Test
  @DisplayName("an account holds at most 8 live streams: the ninth is refused with 429 until one is closed")
  void perAccountCap() throws Exception {
    String maria = token("maria");
    List<LiveEvents> open = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        LiveEvents stream = stream(maria);
        assertEquals(200, stream.response.statusCode());
        assertNotNull(stream.next(e -> true), "stream " + i + " sends its first event");
        open.add(stream);
      }
      try (LiveEvents ninth = stream(maria)) {
        assertEquals(429, ninth.response.statusCode());
        assertTrue(Integer.parseInt(ninth.response.getHeader("Retry-After")) > 0);
      }
      try (LiveEvents other = stream(token("aigerim"))) {
        assertEquals(200, other.response.statusCode(), "another account is not held back");
      }
      open.remove(0).close();
      Wait.until("a closed stream frees its place", () -> {
        try (LiveEvents again = stream(maria)) {
          return again.response.statusCode() == 200;
        }
      });
    } finally {
      open.forEach(LiveEvents::close);
    }
  }

  @Test
  @DisplayName("a live stream ends when the session that opened it is signed out")
  void endsWithTheSession() throws Exception {
    String token = token("aigerim");
    try (LiveEvents stream = stream(token)) {
      assertNotNull(stream.next(e -> true), "the first event");
      assertEquals(204, kenes.vertxClient().delete("/api/session").bearerTokenAuthentication(token).send().await()
          .statusCode());
      stream.ended.future().toCompletionStage().toCompletableFuture().get(Wait.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
    ConsoleSession console = ConsoleSession.login(kenes, "maria", "correct horse battery");
    try (LiveEvents stream = LiveEvents.open(kenes, "small", "Cookie", console.cookie)) {
      assertNotNull(stream.next(e -> true), "the console's stream, with the session cookie");
      console.post("/console/logout", "/console", io.vertx.core.MultiMap.caseInsensitiveMultiMap());
      stream.ended.future().toCompletionStage().toCompletableFuture().get(Wait.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
  }
}
