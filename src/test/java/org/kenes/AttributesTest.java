package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.cli.Backup;
import org.kenes.config.KenesConfig;

/**
 * Participant attributes: defined in the study file, given with the participant list, asked once on the first visit
 * (a plain form, and JSON), checked field by field, erased with the participant, backed up and restored.
 */
class AttributesTest {

  @TempDir
  static Path dir;
  static TestKenes kenes;
  static JsonArray people;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
    ok(kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
        + AttritionFixture.ATTRIBUTES), 201);
    HttpResponse<Buffer> added = kenes.adminPost("/api/studies/small/participants", "application/json", new JsonArray()
        .add(person(0, "policy").put("attributes", new JsonObject().put("sector", "public").put("years", 12)))
        .add(person(1, "policy").put("attributes", new JsonObject().put("sector", "ngo")))
        .add(person(2, "providers")).add(person(3, "providers")).add(person(4, "patients")).encode());
    ok(added, 201);
    people = added.bodyAsJsonArray();
    ok(kenes.adminPost("/api/studies/small/rounds"), 201);
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static JsonObject person(int i, String panel) {
    return new JsonObject().put("name", "Person " + i).put("email", "a" + i + "@example.org").put("panel", panel)
        .put("language", "en");
  }

  private static void ok(HttpResponse<Buffer> response, int status) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
  }

  private static String token(int i) {
    return people.getJsonObject(i).getString("token");
  }

  private static List<String> paths(HttpResponse<Buffer> r) {
    return r.bodyAsJsonObject().getJsonArray("details").stream().map(d -> ((JsonObject) d).getString("path")).toList();
  }

  @Test
  @DisplayName("a study file's attributes are checked: type, options, range and reserved ids named by path")
  void badStudyFile() {
    String yaml = TestKenes.resource("studies/small.yaml").replace("id: small", "id: bad") + """
        attributes:
          - {id: sector, name: "Sector", type: list}
          - {id: region, name: "Region", type: choice, options: [{id: north, text: "North"}]}
          - {id: years, name: "Years", type: number, min: 10, max: 5}
          - {id: email, name: "Email", type: number, min: 0, max: 5}
        reporting: {aims: "To agree"}
        """;
    HttpResponse<Buffer> r = kenes.adminPost("/api/studies", "application/yaml", yaml);
    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertTrue(paths(r).containsAll(List.of("attributes[0].type", "attributes[1].options", "attributes[2].max",
        "attributes[3].id", "reporting.aims")), paths(r).toString());
    assertEquals(404, kenes.adminGet("/api/studies/bad").statusCode());
  }

  @Test
  @DisplayName("a participant list with an unknown attribute or a value it does not take adds nobody")
  void badParticipantList() {
    HttpResponse<Buffer> r = kenes.adminPost("/api/studies/small/participants", "application/json", new JsonArray()
        .add(person(7, "policy").put("attributes", new JsonObject().put("region", "north")))
        .add(person(8, "policy").put("attributes", new JsonObject().put("years", 99))).encode());
    assertEquals(400, r.statusCode());
    assertEquals(List.of("[0].attributes.region", "[1].attributes.years"), paths(r));
    HttpResponse<Buffer> csv = kenes.adminPost("/api/studies/small/participants", "text/csv",
        "name,email,panel,language,sector,years\nP,p9@example.org,policy,en,cooperative,3\n");
    assertEquals(400, csv.statusCode());
    assertEquals(List.of("line 2: sector"), paths(csv));
  }

  @Test
  @DisplayName("a spreadsheet gives each attribute in a column of its id")
  void spreadsheetColumns() {
    HttpResponse<Buffer> r = kenes.adminPost("/api/studies/small/participants", "text/csv",
        "name,email,panel,language,sector,years\nP,p10@example.org,patients,en,private,\n");
    ok(r, 201);
    String token = r.bodyAsJsonArray().getJsonObject(0).getString("token");
    JsonObject mine = kenes.get("/api/p/" + token + "/attributes").bodyAsJsonObject();
    assertEquals(new JsonObject().put("sector", "private"), mine.getJsonObject("values"));
    assertFalse(mine.getBoolean("answered"));
    assertEquals(2, mine.getJsonArray("questions").size());
  }

  @Test
  @DisplayName("the first visit asks the questions about the panelist, as a plain form, once")
  void firstVisitForm() {
    String page = kenes.get("/p/" + token(1)).bodyAsString();
    assertTrue(page.contains("action=\"/p/" + token(1) + "/attributes\""), page);
    assertTrue(page.contains("value=\"ngo\" checked"), "the value given with the list is kept");
    MultiMap bad = MultiMap.caseInsensitiveMultiMap().add("lang", "en").add("attribute.sector", "")
        .add("attribute.years", "old");
    HttpResponse<Buffer> refused = kenes.postForm("/p/" + token(1) + "/attributes", bad);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("not a value of this attribute"), refused.bodyAsString());
    assertTrue(refused.bodyAsString().contains("value=\"old\""), refused.bodyAsString());
    MultiMap good = MultiMap.caseInsensitiveMultiMap().add("lang", "en").add("attribute.sector", "private")
        .add("attribute.years", "7");
    HttpResponse<Buffer> saved = kenes.postForm("/p/" + token(1) + "/attributes", good);
    assertEquals(303, saved.statusCode());
    assertEquals("/p/" + token(1) + "?lang=en", saved.getHeader("Location"));
    String next = kenes.get("/p/" + token(1)).bodyAsString();
    assertFalse(next.contains("/attributes\""), "asked once");
    assertTrue(next.contains("name=\"r-strategy\""), "the questionnaire follows");
    assertEquals(new JsonObject().put("sector", "private").put("years", 7),
        kenes.get("/api/p/" + token(1) + "/attributes").bodyAsJsonObject().getJsonObject("values"));
  }

  @Test
  @DisplayName("a panelist whose every attribute came with the list goes straight to the questionnaire")
  void givenWithTheList() {
    String page = kenes.get("/p/" + token(0)).bodyAsString();
    assertFalse(page.contains("/attributes\""), page);
  }

  @Test
  @DisplayName("the JSON answer is checked field by field: a required one missing, a number out of range")
  void jsonAnswers() {
    HttpResponse<Buffer> r = kenes.put("/api/p/" + token(2) + "/attributes",
        new JsonObject().put("attributes", new JsonObject().put("years", 61).put("shoe", 42)));
    assertEquals(400, r.statusCode());
    assertEquals(List.of("attributes.shoe", "attributes.sector", "attributes.years"), paths(r));
    ok(kenes.put("/api/p/" + token(2) + "/attributes",
        new JsonObject().put("attributes", new JsonObject().put("sector", "ngo"))), 200);
    assertTrue(kenes.get("/api/p/" + token(2) + "/attributes").bodyAsJsonObject().getBoolean("answered"));
    assertEquals(new JsonObject().put("sector", "ngo"), kenes.get("/api/p/" + token(2) + "/me").bodyAsJsonObject()
        .getJsonObject("participant").getJsonObject("attributes"), "what Kenes holds about them");
  }

  @Test
  @DisplayName("erasing a participant erases their attributes; a backup with attributes restores whole")
  void erasureAndBackup() throws Exception {
    ok(kenes.put("/api/p/" + token(3) + "/attributes",
        new JsonObject().put("attributes", new JsonObject().put("sector", "public").put("years", 30))), 200);
    Path file = dir.resolve("backup.jsonl");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, Backup.backup(new String[] {file.toString()}, kenes.config, new PrintStream(
        new ByteArrayOutputStream()), new PrintStream(err)), err.toString());
    assertTrue(Files.readString(file).contains("\"attributesAt\""));
    Path restored = dir.resolve("restored");
    assertEquals(0, Backup.restore(new String[] {file.toString()}, KenesConfig.from(Map.of(KenesConfig.DATA_DIR,
        restored.toString())), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)), err.toString());
    ok(kenes.vertxClient().delete("/api/studies/small/participants/" + people.getJsonObject(3).getString("id"))
        .bearerTokenAuthentication(TestKenes.ADMIN).send().await(), 200);
    assertTrue(kenes.services().attributes().list("small").await().stream()
        .noneMatch(v -> v.participant().equals(people.getJsonObject(3).getString("id"))));
  }
}
