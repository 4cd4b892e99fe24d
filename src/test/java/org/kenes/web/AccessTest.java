package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.ConsoleSession;
import org.kenes.TestKenes;
import org.kenes.WebServer;
import org.kenes.account.Role;
import org.kenes.web.Access.Need;
import org.kenes.web.panelist.TokenGuard;

/** Who may call what: found by enumerating the router, not by listing routes by hand. */
class AccessTest {

  @TempDir
  Path dir;

  /** A route to call: its method, its path with {@code :id} left for the study, and what it declared it needs. */
  private record Call(HttpMethod method, String path, Need need) {

    String on(String study) {
      return path.replace(":id", study);
    }
  }

  /** Every concrete route of a router and its sub-routers, with sample values for the path parameters but the study. */
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
      String concrete = full.replace(":n", "1").replace(":item", "strategy").replace(":token", "x")
          .replace(":username", "nadia").replace(":link", "x").replace(":kind", "invitation").replace(":lang", "en")
          .replace("*", "");
      if (route.methods() == null || route.methods().isEmpty()) {
        continue;
      }
      Need need = Access.declared(route).orElse(null);
      route.methods().forEach(m -> calls.add(new Call(m, concrete, need)));
    }
    return calls;
  }

  /** Everything of the facilitators but the sign-in itself. */
  private static boolean facilitatorOnly(String path) {
    return path.startsWith("/api/studies") || path.startsWith("/api/accounts") || path.startsWith("/api/audit")
        || path.startsWith("/studies/") || path.startsWith("/console") && !path.startsWith("/console/login");
  }

  @Test
  @DisplayName("every facilitator route declares what it needs and refuses a missing or wrong token with 401")
  void facilitatorRoutesNeedTheToken() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      Router router = WebServer.router(kenes.vertx, kenes.services());
      List<Call> guarded = calls(router, "").stream().filter(c -> facilitatorOnly(c.path())).distinct().toList();
      assertTrue(guarded.size() >= 40, "found the facilitator routes: " + guarded);
      for (Call call : guarded) {
        assertTrue(call.need() != null, call + " declares no need: access.need(ROLE, route)");
        int none = kenes.vertxClient().request(call.method(), call.on("small")).send().await().statusCode();
        assertEquals(401, none, call + " without a token");
        int wrong = kenes.vertxClient().request(call.method(), call.on("small")).bearerTokenAuthentication("wrong")
            .send().await().statusCode();
        assertEquals(401, wrong, call + " with a wrong token");
      }
    }
  }

  @Test
  @DisplayName("every route × every role × every study: 403 exactly where the role does not allow the route")
  void roleMatrix() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
          .replace("id: small", "id: other"));
      Map<String, String> tokens = new LinkedHashMap<>();
      for (String name : List.of("olga", "fedor", "rita", "nadia")) {
        tokens.put(name, kenes.account(name));
      }
      kenes.grant("small", "olga", "owner");
      kenes.grant("small", "fedor", "facilitator");
      kenes.grant("small", "rita", "reader");
      kenes.grant("other", "rita", "owner");
      kenes.grant("other", "olga", "reader");
      Map<String, Map<String, Role>> roles = Map.of(
          "olga", Map.of("small", Role.OWNER, "other", Role.READER),
          "fedor", Map.of("small", Role.FACILITATOR),
          "rita", Map.of("small", Role.READER, "other", Role.OWNER),
          "nadia", Map.of());

      Router router = WebServer.router(kenes.vertx, kenes.services());
      List<Call> calls = calls(router, "").stream().filter(c -> c.need() != null).distinct().toList();
      // What the declarations must say, whatever they say: a reader only reads, and never reaches personal data;
      // roles and report links are the owner's; accounts and the whole audit the admin's.
      for (Call call : calls) {
        if (call.need() == Need.READER) {
          assertEquals(HttpMethod.GET, call.method(), call + ": a reader changes nothing");
        }
        if (call.path().matches(".*/(participants|outbox|mail|mail-texts|invitations|reminders|audit)(/.*)?")
            && call.path().contains(":id")) {
          assertTrue(call.need() == Need.FACILITATOR || call.need() == Need.OWNER, call + ": personal data or mail");
        }
        if (call.path().matches(".*/(roles|report-links|access)(/.*)?")) {
          assertEquals(Need.OWNER, call.need(), call.toString());
        }
        if (call.path().matches("/(api|console)/(accounts|audit)")) {
          assertEquals(Need.ADMIN, call.need(), call.toString());
        }
      }
      HttpClient http = kenes.vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
      int refused = 0;
      int allowed = 0;
      for (Map.Entry<String, String> account : tokens.entrySet()) {
        for (Call call : calls) {
          for (String study : List.of("small", "other")) {
            if (call.need().role() == null && study.equals("other")) {
              continue;
            }
            Role role = roles.get(account.getKey()).get(study);
            boolean allows = call.need() == Need.ACCOUNT
                || call.need().role() != null && role != null && role.includes(call.need().role());
            // Signing out (here or everywhere) ends the token it is called with: it gets a token of its own.
            boolean signsOut = call.path().endsWith("/session") || call.path().endsWith("/logout")
                || call.path().endsWith("/me/sessions") || call.path().endsWith("/sessions/end");
            int status = status(http, kenes.port(), call.method(), call.on(study),
                signsOut ? kenes.login(account.getKey()) : account.getValue());
            String what = account.getKey() + " (" + role + " of " + study + ") → " + call;
            if (call.path().endsWith("/me/sessions") || call.path().endsWith("/sessions/end")) {
              // Signing out everywhere ends every token of the account: it signs in again.
              account.setValue(kenes.login(account.getKey()));
            }
            if (allows) {
              assertNotEquals(403, status, what);
              assertNotEquals(401, status, what);
              allowed++;
            } else {
              assertEquals(403, status, what);
              refused++;
            }
          }
        }
      }
      // The admin holds every role on every study, and alone manages accounts.
      for (Call call : calls) {
        int status = status(http, kenes.port(), call.method(), call.on("small"), TestKenes.ADMIN);
        assertTrue(status != 401 && status != 403, "the admin → " + call + ": " + status);
      }
      assertTrue(refused > 100 && allowed > 100, refused + " refused, " + allowed + " allowed");
      http.close().await();
    }
  }

  @Test
  @DisplayName("a reader's pages and API answers carry no name, email address or personal link of a participant")
  void readerSeesNoPersonalData() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants("small", "policy", "policy", "providers", "providers", "patients",
          "patients");
      kenes.adminPost("/api/studies/small/invitations");
      kenes.adminPost("/api/studies/small/rounds");
      for (int i = 0; i < people.size(); i++) {
        kenes.put("/api/p/" + people.getJsonObject(i).getString("token") + "/answers", new JsonObject()
            .put("answers", new JsonObject().put("strategy", new JsonObject().put("value", 7 + i % 3)
                .put("comment", "Comment " + i)).put("ideas", new JsonObject().put("text", "Idea " + i)))
            .put("submit", true));
      }
      kenes.adminPost("/api/studies/small/rounds/1/close");
      kenes.adminPost("/api/studies/small/rounds");
      String reader = kenes.account("rita");
      kenes.account("fedor");
      kenes.grant("small", "rita", "reader");
      kenes.grant("small", "fedor", "facilitator");
      ConsoleSession rita = ConsoleSession.login(kenes, "rita", TestKenes.PASSWORD);

      List<String> personal = new ArrayList<>();
      for (int i = 0; i < people.size(); i++) {
        personal.add("Person " + i);
        personal.add("p" + i + "@example.org");
        personal.add(people.getJsonObject(i).getString("token"));
      }
      personal.add("/p/");

      // Every page and answer a reader may read, found in the router; the PDF is made from the page's own model.
      List<String> readable = calls(WebServer.router(kenes.vertx, kenes.services()), "").stream()
          .filter(c -> c.need() == Need.READER && !c.path().endsWith(".pdf"))
          .flatMap(c -> Stream.of(c.on("small"), c.on("small").replace("/rounds/1/", "/rounds/2/")))
          .distinct().toList();
      assertTrue(readable.size() >= 15, readable.toString());
      HttpClient http = kenes.vertx.createHttpClient();
      for (String path : readable) {
        String body = path.startsWith("/api/") ? firstChunk(http, kenes.port(), path, reader)
            : rita.get(path).bodyAsString();
        assertFalse(body.isEmpty(), path);
        for (String secret : personal) {
          assertFalse(body.contains(secret), path + " shows " + secret);
        }
        assertFalse(EMAIL.matcher(body).find(), path + " shows an email address");
      }
      http.close().await();

      // The same study shows them to a facilitator: the check above can fail.
      ConsoleSession fedor = ConsoleSession.login(kenes, "fedor", TestKenes.PASSWORD);
      String page = fedor.get("/console/studies/small/participants").bodyAsString();
      assertTrue(page.contains("p0@example.org") && page.contains("/p/" + people.getJsonObject(0).getString("token")));
      String overview = rita.get("/console/studies/small").bodyAsString();
      assertFalse(overview.contains("/console/studies/small/participants"), "no link to the people");
      assertFalse(overview.contains("action=\"/console/studies/small/rounds"), "no form to open or close rounds");
    }
  }

  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\\.[A-Za-z]{2,}");

  /** The start of an answer: enough of a stream that never ends (the live events), all of any other. */
  private static String firstChunk(HttpClient http, int port, String path, String token) {
    RequestOptions options = new RequestOptions().setHost("127.0.0.1").setPort(port).setURI(path)
        .putHeader("Authorization", "Bearer " + token);
    return http.request(options).compose(HttpClientRequest::send).compose(response -> {
      assertEquals(200, response.statusCode(), path);
      if (!response.getHeader("Content-Type").startsWith("text/event-stream")) {
        return response.body().map(Buffer::toString);
      }
      Promise<String> first = Promise.promise();
      StringBuilder seen = new StringBuilder();
      response.handler(chunk -> {
        seen.append(chunk);
        int data = seen.indexOf("data:");
        if (data >= 0 && seen.indexOf("\n\n", data) >= 0) {
          first.tryComplete(seen.toString());
          response.request().connection().close();
        }
      });
      return first.future();
    }).await();
  }

  /**
   * The status of a call with a bearer token, read as soon as it arrives (the live stream never ends). Bodies that
   * change something are not JSON, so that a call that is let through changes nothing.
   */
  private static int status(HttpClient http, int port, HttpMethod method, String path, String token) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path)
        .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json");
    return http.request(options).compose(request -> request.send(method == HttpMethod.GET ? Buffer.buffer()
            : Buffer.buffer("[")))
        .map(response -> {
          int status = response.statusCode();
          response.request().connection().close();
          return status;
        }).await();
  }

  @Test
  @DisplayName("twenty unknown personal links from one address within a minute → 429 for a while, even for a good link")
  void guessingLinksIsSlowedDown() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      String good = kenes.addParticipants("small", "policy").getJsonObject(0).getString("token");
      for (int i = 0; i < TokenGuard.MAX_FAILURES; i++) {
        assertEquals(404, kenes.get(i % 2 == 0 ? "/api/p/guess-" + i : "/r/guess-" + i).statusCode());
      }
      var blocked = kenes.get("/api/p/" + good);
      assertEquals(429, blocked.statusCode());
      assertTrue(Integer.parseInt(blocked.getHeader("Retry-After")) > 0);
      assertEquals(429, kenes.get("/p/" + good).statusCode());
      assertEquals(429, kenes.get("/r/another-guess").statusCode(), "report links are held back too");
      assertEquals(200, kenes.get("/health").statusCode(), "only personal-link routes are held back");
    }
  }
}
