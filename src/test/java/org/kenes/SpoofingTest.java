package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a facilitator reads is what was written: no control characters in an address mail is sent to, no bidi
 * override reordering a name, an item or a comment; Arabic and Hebrew as typed.
 */
class SpoofingTest {

  private static final String RLO = "\u202E";

  @TempDir
  static Path dir;
  static TestKenes kenes;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
    kenes.createSmallStudy();
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static HttpResponse<Buffer> add(String name, String email) {
    return kenes.adminPost("/api/studies/small/participants", "application/json", new JsonArray()
        .add(new JsonObject().put("name", name).put("email", email).put("panel", "policy")).encode());
  }

  @Test
  @DisplayName("an email address with a control, separator or format character is refused, naming the field")
  void controlCharactersInEmails() {
    for (String email : List.of("ana\u0000@example.org", "ana@example.org\u0085", "ana@exam\u2028ple.org",
        "ana" + RLO + "gro.elpmaxe@evil.org", "ana@example.org\u00a0", "ana@example.org\u007f")) {
      HttpResponse<Buffer> r = add("Ana", email);
      assertEquals(400, r.statusCode(), email);
      assertEquals("[0].email", r.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
    }
    assertEquals(201, add("Ana", "ana.müller@example.org").statusCode(), "a non-ASCII address is an address");
  }

  @Test
  @DisplayName("bidi overrides are taken out of names, items and comments; Arabic and Hebrew stay as typed")
  void bidiOverrides() {
    String arabic = "تحسين جودة الرعاية \u200F";
    String hebrew = "שיפור איכות הטיפול";
    JsonArray added = new JsonArray(kenes.adminPost("/api/studies/small/participants", "application/json",
        new JsonArray().add(new JsonObject().put("name", "Dana " + RLO + "txt.exe").put("panel", "policy"))
            .add(new JsonObject().put("name", arabic).put("panel", "providers")).encode()).bodyAsJsonArray()
        .getList());
    List<JsonObject> people = kenes.adminGet("/api/studies/small/participants").bodyAsJsonArray().stream()
        .map(JsonObject.class::cast).toList();
    assertTrue(people.stream().anyMatch(p -> "Dana txt.exe".equals(p.getString("name"))), people.toString());
    assertTrue(people.stream().anyMatch(p -> arabic.strip().equals(p.getString("name"))), people.toString());
    assertFalse(people.toString().contains(RLO));

    String study = TestKenes.resource("studies/small.yaml").replace("id: small", "id: bidi")
        .replace("\"Clinical audit\"", "\"Clinical " + RLO + "tidua\"");
    assertEquals(201, kenes.adminPost("/api/studies", "application/yaml", study).statusCode());
    assertFalse(kenes.adminGet("/api/studies/bidi").bodyAsString().contains(RLO), "no override in the item");

    kenes.adminPost("/api/studies/small/rounds");
    String token = added.getJsonObject(0).getString("token");
    assertEquals(200, kenes.put("/api/p/" + token + "/answers", new JsonObject().put("answers", new JsonObject()
        .put("strategy", new JsonObject().put("value", 7).put("comment", "Agree " + RLO + "ton od I " + hebrew))))
        .statusCode());
    JsonObject answer = kenes.get("/api/p/" + token).bodyAsJsonObject().getJsonArray("items").getJsonObject(0)
        .getJsonObject("answer");
    assertEquals("Agree ton od I " + hebrew, answer.getString("comment"));
  }
}
