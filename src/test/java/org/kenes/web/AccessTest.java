package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;
import org.kenes.web.panelist.TokenGuard;

/** Who may call what: found by enumerating the router, not by listing routes by hand. */
class AccessTest {

  @TempDir
  Path dir;

  private record Call(HttpMethod method, String path) {}

  /** Every concrete route of a router and its sub-routers, with sample values for the path parameters. */
  private static List<Call> calls(Router router, String prefix) {
    List<Call> calls = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      if (path == null) {
        continue;
      }
      String full = (prefix + path).replaceAll("/+", "/");
      if (route.getSubRouter() != null) {
        calls.addAll(calls(route.getSubRouter(), full.replaceAll("/$", "")));
        continue;
      }
      String concrete = full.replace(":id", "small").replace(":n", "1").replace(":item", "strategy")
          .replace(":token", "x").replace("*", "");
      if (route.methods() == null || route.methods().isEmpty()) {
        continue;
      }
      route.methods().forEach(m -> calls.add(new Call(m, concrete)));
    }
    return calls;
  }

  /** Everything of the facilitators but the sign-in itself. */
  private static boolean facilitatorOnly(String path) {
    return path.startsWith("/api/studies") || path.startsWith("/api/accounts") || path.startsWith("/studies/")
        || path.startsWith("/console") && !path.startsWith("/console/login");
  }

  @Test
  @DisplayName("every facilitator route refuses a missing or wrong token with 401")
  void facilitatorRoutesNeedTheToken() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      Router router = WebServer.router(kenes.vertx, kenes.services());
      List<Call> guarded = calls(router, "").stream().filter(c -> facilitatorOnly(c.path())).distinct().toList();
      assertTrue(guarded.size() >= 11, "found the facilitator routes: " + guarded);
      for (Call call : guarded) {
        int none = kenes.vertxClient().request(call.method(), call.path()).send().await().statusCode();
        assertEquals(401, none, call + " without a token");
        int wrong = kenes.vertxClient().request(call.method(), call.path()).bearerTokenAuthentication("wrong")
            .send().await().statusCode();
        assertEquals(401, wrong, call + " with a wrong token");
      }
    }
  }

  @Test
  @DisplayName("twenty unknown personal links from one address within a minute → 429 for a while, even for a good link")
  void guessingLinksIsSlowedDown() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      String good = kenes.addParticipants("small", "policy").getJsonObject(0).getString("token");
      for (int i = 0; i < TokenGuard.MAX_FAILURES; i++) {
        assertEquals(404, kenes.get(i % 2 == 0 ? "/api/p/guess-" + i : "/p/guess-" + i).statusCode());
      }
      var blocked = kenes.get("/api/p/" + good);
      assertEquals(429, blocked.statusCode());
      assertTrue(Integer.parseInt(blocked.getHeader("Retry-After")) > 0);
      assertEquals(429, kenes.get("/p/" + good).statusCode());
      assertEquals(200, kenes.get("/health").statusCode(), "only personal-link routes are held back");
    }
  }
}
