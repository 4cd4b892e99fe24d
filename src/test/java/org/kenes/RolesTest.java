package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles on studies: who owns what, granting and taking away, what each role sees. */
class RolesTest {

  @TempDir
  Path dir;

  private static HttpResponse<Buffer> get(TestKenes kenes, String token, String path) {
    return kenes.vertxClient().get(path).bearerTokenAuthentication(token).send().await();
  }

  private static HttpResponse<Buffer> putRole(TestKenes kenes, String token, String study, String user, Object role) {
    return kenes.vertxClient().put("/api/studies/" + study + "/roles/" + user).bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("role", role)).await();
  }

  private static List<String> ids(HttpResponse<Buffer> list) {
    return list.bodyAsJsonArray().stream().map(s -> ((JsonObject) s).getString("id")).toList();
  }

  @Test
  @DisplayName("a study created by an account is its own; each account lists only its studies; the admin lists all")
  void creatorOwns() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      String olga = kenes.account("olga");
      kenes.account("fedor");
      String yaml = TestKenes.resource("studies/small.yaml");
      HttpResponse<Buffer> created = kenes.vertxClient().post("/api/studies").bearerTokenAuthentication(olga)
          .putHeader("Content-Type", "application/yaml")
          .sendBuffer(Buffer.buffer(yaml.replace("id: small", "id: olgas"))).await();
      assertEquals(201, created.statusCode(), created.bodyAsString());
      JsonArray roles = kenes.adminGet("/api/studies/olgas/roles").bodyAsJsonArray();
      assertEquals("olga", roles.getJsonObject(0).getString("username"));
      assertEquals("owner", roles.getJsonObject(0).getString("role"));

      HttpResponse<Buffer> mine = get(kenes, olga, "/api/studies");
      assertEquals(List.of("olgas"), ids(mine), "the study without owner is the admin's alone");
      assertEquals("owner", mine.bodyAsJsonArray().getJsonObject(0).getString("role"));
      assertEquals(List.of("olgas", "small"), ids(kenes.adminGet("/api/studies")));
      assertEquals(403, get(kenes, olga, "/api/studies/small").statusCode());

      // Through the console's form too; the console lists the same.
      ConsoleSession fedor = ConsoleSession.login(kenes, "fedor", TestKenes.PASSWORD);
      assertEquals(303, fedor.post("/console/studies", "/console", MultiMap.caseInsensitiveMultiMap()
          .add("definition", yaml.replace("id: small", "id: fedors"))).statusCode());
      String list = fedor.get("/console").bodyAsString();
      assertTrue(list.contains("/console/studies/fedors") && !list.contains("/console/studies/olgas")
          && !list.contains("/console/studies/small\""), list);
      assertTrue(list.contains("<td>Owner</td>"), "each study with the account's role");
      String all = ConsoleSession.login(kenes, null, TestKenes.ADMIN).get("/console").bodyAsString();
      assertTrue(all.contains("/console/studies/fedors") && all.contains("/console/studies/olgas")
          && all.contains("/console/studies/small\""), "the admin's console lists every study");
    }
  }

  @Test
  @DisplayName("owners grant and take away roles through the API, audited; a study keeps its last owner")
  void grantThroughTheApi() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      String olga = kenes.account("olga");
      String fedor = kenes.account("fedor");
      kenes.grant("small", "olga", "owner");

      assertEquals(403, putRole(kenes, fedor, "small", "fedor", "owner").statusCode(), "nobody grants themselves");
      HttpResponse<Buffer> granted = putRole(kenes, olga, "small", "FEDOR", "facilitator");
      assertEquals(200, granted.statusCode(), granted.bodyAsString());
      assertEquals(new JsonObject().put("username", "fedor").put("role", "facilitator"), new JsonObject()
          .put("username", granted.bodyAsJsonObject().getString("username"))
          .put("role", granted.bodyAsJsonObject().getString("role")));
      assertEquals(200, get(kenes, fedor, "/api/studies/small/participants").statusCode(), "at once, same token");
      assertEquals(403, get(kenes, fedor, "/api/studies/small/roles").statusCode(), "a facilitator grants nothing");

      HttpResponse<Buffer> unknown = putRole(kenes, olga, "small", "nobody", "reader");
      assertEquals(400, unknown.statusCode());
      assertEquals("username", unknown.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
      HttpResponse<Buffer> badRole = putRole(kenes, olga, "small", "fedor", "boss");
      assertEquals(400, badRole.statusCode());
      assertEquals("role", badRole.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
      assertEquals(400, kenes.vertxClient().put("/api/studies/small/roles/fedor").bearerTokenAuthentication(olga)
          .sendJsonObject(new JsonObject()).await().statusCode(), "no role given at all");
      HttpResponse<Buffer> lastOwner = putRole(kenes, olga, "small", "olga", "reader");
      assertEquals(409, lastOwner.statusCode());
      assertTrue(lastOwner.bodyAsJsonObject().getString("error").contains("only owner"));
      assertEquals(404, putRole(kenes, TestKenes.ADMIN, "missing", "fedor", "reader").statusCode());

      assertEquals(200, putRole(kenes, olga, "small", "fedor", "reader").statusCode());
      assertEquals(403, get(kenes, fedor, "/api/studies/small/participants").statusCode(), "a reader now, at once");
      assertEquals(200, get(kenes, fedor, "/api/studies/small/report").statusCode());
      HttpResponse<Buffer> removed = putRole(kenes, olga, "small", "fedor", null);
      assertEquals(200, removed.statusCode());
      assertEquals(null, removed.bodyAsJsonObject().getValue("role"));
      assertEquals(403, get(kenes, fedor, "/api/studies/small/report").statusCode());
      assertEquals(List.of(), ids(get(kenes, fedor, "/api/studies")));
      assertEquals(List.of("olga"), kenes.adminGet("/api/studies/small/roles").bodyAsJsonArray().stream()
          .map(g -> ((JsonObject) g).getString("username")).toList());

      List<String> audit = kenes.adminGet("/api/studies/small/audit").bodyAsJsonArray().stream()
          .map(e -> (JsonObject) e).filter(e -> e.getString("action").startsWith("role."))
          .map(e -> e.getString("actor") + " " + e.getString("action") + " " + e.getString("target")).toList();
      assertEquals(List.of("admin role.granted olga: owner", "olga role.granted fedor: facilitator",
          "olga role.granted fedor: reader", "olga role.removed fedor: none"), audit);
    }
  }

  @Test
  @DisplayName("the console's access page: the owner gives and takes roles; a facilitator sees neither it nor its link")
  void accessPage() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      kenes.account("olga");
      kenes.account("fedor");
      kenes.grant("small", "olga", "owner");
      ConsoleSession olga = ConsoleSession.login(kenes, "olga", TestKenes.PASSWORD);
      assertTrue(olga.get("/console/studies/small").bodyAsString().contains("/console/studies/small/access"));
      HttpResponse<Buffer> unknown = olga.post("/console/studies/small/roles", "/console/studies/small/access",
          MultiMap.caseInsensitiveMultiMap().add("username", "nobody").add("role", "reader"));
      assertEquals(400, unknown.statusCode());
      assertTrue(unknown.bodyAsString().contains("<code>username</code>: no account &#x27;nobody&#x27;")
          || unknown.bodyAsString().contains("<code>username</code>: no account 'nobody'"), unknown.bodyAsString());
      assertTrue(unknown.bodyAsString().contains("value=\"nobody\""), "what was typed is kept");
      HttpResponse<Buffer> granted = olga.post("/console/studies/small/roles", "/console/studies/small/access",
          MultiMap.caseInsensitiveMultiMap().add("username", "fedor").add("role", "facilitator"));
      assertEquals(303, granted.statusCode(), granted.bodyAsString());
      assertEquals("/console/studies/small/access?done=role-granted", granted.getHeader("Location"));
      String page = olga.get("/console/studies/small/access?done=role-granted").bodyAsString();
      assertTrue(page.contains("The role is given.") && page.contains("<th scope=\"row\">fedor</th>"), page);

      ConsoleSession fedor = ConsoleSession.login(kenes, "fedor", TestKenes.PASSWORD);
      String overview = fedor.get("/console/studies/small").bodyAsString();
      assertFalse(overview.contains("/console/studies/small/access"), "the owner's page is not in the menu");
      assertTrue(overview.contains("/console/studies/small/participants"));
      assertEquals(403, fedor.get("/console/studies/small/access").statusCode());

      assertEquals(303, olga.post("/console/studies/small/roles", "/console/studies/small/access",
          MultiMap.caseInsensitiveMultiMap().add("username", "fedor").add("role", "none")).statusCode());
      assertEquals(403, fedor.get("/console/studies/small").statusCode(), "taken away: the session knows at once");
      assertFalse(fedor.get("/console").bodyAsString().contains("/console/studies/small\""));
    }
  }
}
