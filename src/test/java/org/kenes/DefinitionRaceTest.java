package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A definition changed while a round opens: the two are atomic (each write checks the study's version, its definition
 * and the rounds it has opened), so a round never asks an item its study no longer has, nor one retired meanwhile.
 */
class DefinitionRaceTest {

  private static final int TRIES = 25;

  @TempDir
  static Path dir;
  static TestKenes kenes;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static String study(String id) {
    return TestKenes.resource("studies/small.yaml").replace("id: small", "id: " + id);
  }

  private static Set<String> ids(JsonArray array) {
    return array.stream().map(String::valueOf).collect(Collectors.toSet());
  }

  /** The items of the stored definition that are not retired. */
  private static Set<String> askable(String study) {
    return kenes.adminGet("/api/studies/" + study).bodyAsJsonObject().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(i -> !i.getBoolean("retired", false)).map(i -> i.getString("id"))
        .collect(Collectors.toSet());
  }

  private static Future<HttpResponse<Buffer>> openRound(String study) {
    return kenes.vertxClient().post("/api/studies/" + study + "/rounds").bearerTokenAuthentication(TestKenes.ADMIN)
        .send();
  }

  @Test
  @DisplayName("a definition replaced while round 1 opens: one of the two is refused, or the round asks the new items")
  void editWhileRoundOneOpens() {
    for (int i = 0; i < TRIES; i++) {
      String id = "edit-" + i;
      assertEquals(201, kenes.adminPost("/api/studies", "application/yaml", study(id)).statusCode());
      String token = DelphiLoopTest.token(kenes.addParticipants(id, "policy"), 0);
      String edited = study(id).replace("id: fees,", "id: levies,");
      Future<HttpResponse<Buffer>> edit = kenes.vertxClient().put("/api/studies/" + id)
          .bearerTokenAuthentication(TestKenes.ADMIN).putHeader("Content-Type", "application/yaml")
          .sendBuffer(Buffer.buffer(edited));
      Future<HttpResponse<Buffer>> open = openRound(id);
      int editStatus = edit.await().statusCode();
      HttpResponse<Buffer> opened = open.await();
      assertTrue(List.of(200, 409).contains(editStatus), "edit: " + editStatus);
      assertTrue(List.of(201, 409).contains(opened.statusCode()), "open: " + opened.bodyAsString());
      assertFalse(editStatus == 409 && opened.statusCode() == 409, "one of the two goes through");
      if (opened.statusCode() != 201) {
        continue;
      }
      Set<String> asked = ids(opened.bodyAsJsonObject().getJsonArray("items"));
      assertTrue(askable(id).containsAll(asked), "try " + i + ": round 1 asks " + asked + ", the study has "
          + askable(id));
      assertEquals(editStatus == 200, asked.contains("levies"), "try " + i + ": the edit went in before the round");
      assertEquals(200, kenes.get("/api/p/" + token).statusCode(), "the questionnaire");
      assertEquals(200, kenes.adminPost("/api/studies/" + id + "/rounds/1/close").statusCode(), "the close");
      assertEquals(200, kenes.adminGet("/api/studies/" + id + "/report").statusCode(), "the report");
    }
  }

  @Test
  @DisplayName("an item retired while round 2 opens is never asked in it; one of the two is refused, or it is left out")
  void retireWhileRoundTwoOpens() {
    for (int i = 0; i < TRIES; i++) {
      String id = "retire-" + i;
      assertEquals(201, kenes.adminPost("/api/studies", "application/yaml", study(id)).statusCode());
      assertEquals(201, kenes.adminPost("/api/studies/" + id + "/rounds").statusCode());
      assertEquals(200, kenes.adminPost("/api/studies/" + id + "/rounds/1/close").statusCode());
      Future<HttpResponse<Buffer>> retire = kenes.vertxClient().put("/api/studies/" + id + "/items/audit")
          .bearerTokenAuthentication(TestKenes.ADMIN).sendJsonObject(new JsonObject().put("provenance",
              new JsonObject().put("change", "retired").put("note", "out of scope")));
      Future<HttpResponse<Buffer>> open = openRound(id);
      int retireStatus = retire.await().statusCode();
      HttpResponse<Buffer> opened = open.await();
      assertTrue(List.of(200, 409).contains(retireStatus), "retire: " + retireStatus);
      assertTrue(List.of(201, 409).contains(opened.statusCode()), "open: " + opened.bodyAsString());
      if (opened.statusCode() != 201) {
        continue;
      }
      Set<String> asked = ids(opened.bodyAsJsonObject().getJsonArray("items"));
      assertTrue(askable(id).containsAll(asked), "try " + i + ": round 2 asks " + asked + ", the study asks "
          + askable(id));
      assertEquals(retireStatus != 200, asked.contains("audit"), "try " + i + ": retired before the round or refused");
    }
  }
}
