package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.common.Spreadsheet;
import org.kenes.web.api.StudyDraftApi;
import org.kenes.study.ItemSheetTest;
import org.kenes.study.Study;
import org.kenes.study.StudyFormat;
import org.kenes.study.StudyService;

/** The API of a study's definition besides replacing it: as a YAML file, copied, and its next round scheduled. */
class StudyDraftApiTest {

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

  private static HttpResponse<Buffer> put(String path, JsonObject body) {
    return kenes.adminPut(path, body);
  }

  @Test
  @DisplayName("the example dialogue downloaded as YAML is the same study; loaded as a study file, it changes nothing")
  void yamlRoundTrip() throws Exception {
    String file = Files.readString(Path.of("surveys/qoc-strategy.yaml"));
    assertEquals(201, kenes.adminPost("/api/studies", "application/yaml", file).statusCode());
    HttpResponse<Buffer> download = kenes.adminGet("/api/studies/qoc-strategy/study.yaml");
    assertEquals(200, download.statusCode());
    assertTrue(download.getHeader("Content-Type").startsWith("application/yaml"));
    assertTrue(download.getHeader("Content-Disposition").contains("qoc-strategy.yaml"));
    String yaml = download.bodyAsString();
    Study loaded = StudyFormat.read(file);
    assertEquals(loaded, StudyFormat.read(yaml));
    assertEquals(StudyService.Outcome.UNCHANGED, kenes.services().studies().load(yaml).await(),
        "as a file of surveys/, the same content");
    assertEquals(409, kenes.adminPost("/api/studies", "application/yaml", yaml).statusCode(), "the API reads it: "
        + "the id exists");
    HttpResponse<Buffer> renamed = kenes.adminPost("/api/studies", "application/yaml",
        yaml.replace("id: qoc-strategy", "id: qoc-again"));
    assertEquals(201, renamed.statusCode(), renamed.bodyAsString());
    assertEquals(yaml.replace("id: qoc-strategy", "id: qoc-again"),
        kenes.adminGet("/api/studies/qoc-again/study.yaml").bodyAsString(), "downloaded again, the same file");
    assertEquals(404, kenes.adminGet("/api/studies/nothing/study.yaml").statusCode());
  }

  @Test
  @DisplayName("a copy takes the definition as it stands after the last round, and nothing of the run")
  void copy() {
    String yaml = TestKenes.resource("studies/small.yaml").replace("id: small", "id: original");
    assertEquals(201, kenes.adminPost("/api/studies", "application/yaml", yaml).statusCode());
    JsonArray people = kenes.addParticipants("original", "policy", "providers", "patients");
    kenes.adminPost("/api/studies/original/rounds");
    kenes.put("/api/p/" + people.getJsonObject(0).getString("token") + "/answers", new JsonObject()
        .put("answers", new JsonObject().put("strategy", new JsonObject().put("value", 8))).put("submit", true));
    kenes.adminPost("/api/studies/original/invitations");
    kenes.adminPost("/api/studies/original/rounds/1/close");
    JsonObject reworded = new JsonObject().put("text", new JsonObject().put("en", "A strategy with targets")
        .put("ru", "Стратегия с целями")).put("provenance", new JsonObject().put("change", "reworded")
        .put("from", new JsonArray()).put("note", "clearer"));
    assertEquals(200, put("/api/studies/original/items/strategy", reworded).statusCode());
    assertEquals(200, put("/api/studies/original/items/fees", new JsonObject().put("provenance", new JsonObject()
        .put("change", "retired").put("from", new JsonArray()).put("note", "out of scope"))).statusCode());

    HttpResponse<Buffer> copied = kenes.adminPost("/api/studies/original/copy", "application/json",
        new JsonObject().put("id", "second").encode());
    assertEquals(201, copied.statusCode(), copied.bodyAsString());
    assertEquals("original", copied.bodyAsJsonObject().getJsonObject("copiedFrom").getString("study"));
    JsonObject copy = kenes.adminGet("/api/studies/second").bodyAsJsonObject();
    JsonObject from = copy.getJsonObject("copiedFrom");
    assertEquals("original", from.getString("study"));
    assertEquals(1, from.getInteger("afterRound"), "copied after its round 1");
    assertFalse(Instant.parse(from.getString("at")).isAfter(Instant.now()));
    List<String> items = copy.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")).toList();
    assertEquals(List.of("strategy", "audit", "twinning", "tools", "ideas"), items, "the retired item left out");
    JsonObject strategy = copy.getJsonArray("items").getJsonObject(0);
    assertEquals("A strategy with targets", strategy.getJsonObject("text").getString("en"), "the rewording applied");
    assertFalse(strategy.containsKey("since"), "asked from round 1 of the copy");
    assertEquals(new JsonArray(), copy.getJsonArray("roundsHeld"));
    assertEquals(0, kenes.adminGet("/api/studies/second/participants").bodyAsJsonArray().size());
    assertEquals(0, kenes.adminGet("/api/studies/second/outbox").bodyAsJsonArray().size());
    assertEquals(0, kenes.adminGet("/api/studies/second/changes").bodyAsJsonArray().size());
    assertFalse(kenes.adminGet("/api/studies/original").bodyAsJsonObject().containsKey("copiedFrom"));
    assertEquals("study.copied", kenes.adminGet("/api/studies/second/audit").bodyAsJsonArray().getJsonObject(0)
        .getString("action"));

    assertEquals(409, kenes.adminPost("/api/studies/original/copy", "application/json",
        new JsonObject().put("id", "second").encode()).statusCode(), "the id is taken");
    HttpResponse<Buffer> bad = kenes.adminPost("/api/studies/original/copy", "application/json",
        new JsonObject().put("id", "Bad Id").encode());
    assertEquals(400, bad.statusCode());
    assertEquals("id", bad.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
    assertEquals(404, kenes.adminPost("/api/studies/nothing/copy", "application/json",
        new JsonObject().put("id", "third").encode()).statusCode());
  }

  @Test
  @DisplayName("a scheduled round opens by itself at its time, once, and the schedule is part of the definition")
  void scheduledRound() throws Exception {
    String yaml = TestKenes.resource("studies/small.yaml").replace("id: small", "id: timed");
    assertEquals(201, kenes.adminPost("/api/studies", "application/yaml", yaml).statusCode());
    HttpResponse<Buffer> past = put("/api/studies/timed/opens-at",
        new JsonObject().put("opensAt", "2020-01-01T00:00:00Z"));
    assertEquals(400, past.statusCode());
    assertEquals("opensAt", past.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
    assertEquals(400, put("/api/studies/timed/opens-at", new JsonObject().put("opensAt", "soon")).statusCode());

    String later = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    assertEquals(200, put("/api/studies/timed/opens-at", new JsonObject().put("opensAt", later)).statusCode());
    assertEquals(later, kenes.adminGet("/api/studies/timed").bodyAsJsonObject().getJsonObject("rounds")
        .getString("opensAt"));
    assertTrue(kenes.adminGet("/api/studies/timed/study.yaml").bodyAsString()
        .contains("opensAt: " + later));
    HttpResponse<Buffer> off = put("/api/studies/timed/opens-at", new JsonObject().putNull("opensAt"));
    assertEquals(200, off.statusCode(), off.bodyAsString());
    assertFalse(kenes.adminGet("/api/studies/timed").bodyAsJsonObject().getJsonObject("rounds").containsKey("opensAt"));

    String soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS).toString();
    assertEquals(200, put("/api/studies/timed/opens-at", new JsonObject().put("opensAt", soon)).statusCode());
    Wait.until("round 1 opens by itself",
        () -> kenes.adminGet("/api/studies/timed/rounds").bodyAsJsonArray().size() == 1);
    JsonObject round = kenes.adminGet("/api/studies/timed/rounds").bodyAsJsonArray().getJsonObject(0);
    assertEquals("open", round.getString("status"));
    assertFalse(Instant.parse(round.getString("openedAt")).isBefore(Instant.parse(soon)));
    Wait.until("the audit records the opening", () -> kenes.adminGet("/api/studies/timed/audit").bodyAsJsonArray()
        .stream().map(JsonObject.class::cast).anyMatch(e -> "round.opened".equals(e.getString("action"))
            && "kenes".equals(e.getString("actor"))));

    kenes.adminPost("/api/studies/timed/rounds/1/close");
    Study study = kenes.services().studies().get("timed").await();
    assertTrue(kenes.services().rounds().openScheduled(study).await().isEmpty(),
        "a schedule that has opened its round opens no other");
    assertEquals(1, kenes.adminGet("/api/studies/timed/rounds").bodyAsJsonArray().size());
  }

  private static HttpResponse<Buffer> postBytes(String path, String type, byte[] body) {
    return kenes.vertxClient().post(path).bearerTokenAuthentication(TestKenes.ADMIN).putHeader("Content-Type", type)
        .sendBuffer(Buffer.buffer(body)).await();
  }

  @Test
  @DisplayName("items import from XLSX and CSV, a broken file imports nothing; participants from XLSX too")
  void spreadsheets() throws Exception {
    String yaml = TestKenes.resource("studies/small.yaml").replace("id: small", "id: sheets");
    assertEquals(201, kenes.adminPost("/api/studies", "application/yaml", yaml).statusCode());
    JsonArray before = kenes.adminGet("/api/studies/sheets").bodyAsJsonObject().getJsonArray("items");

    byte[] broken = ItemSheetTest.xlsx(List.of(List.of("id", "type", "text.en", "text.ru"),
        List.of("new-one", "rating", "New", "Новый"), List.of("fees", "poll", "Fees", "Сборы")));
    HttpResponse<Buffer> refused = postBytes("/api/studies/sheets/items/import", StudyDraftApi.XLSX, broken);
    assertEquals(400, refused.statusCode());
    assertEquals("row 3: type", refused.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
    assertEquals(before, kenes.adminGet("/api/studies/sheets").bodyAsJsonObject().getJsonArray("items"),
        "nothing imported");

    byte[] good = ItemSheetTest.xlsx(List.of(List.of("id", "type", "text.en", "text.ru"),
        List.of("new-one", "rating", "New", "Новый"), List.of("fees", "open", "Fees?", "Сборы?")));
    HttpResponse<Buffer> imported = postBytes("/api/studies/sheets/items/import", StudyDraftApi.XLSX, good);
    assertEquals(200, imported.statusCode(), imported.bodyAsString());
    assertEquals(new JsonObject().put("added", 1).put("updated", 1), imported.bodyAsJsonObject());
    HttpResponse<Buffer> csv = postBytes("/api/studies/sheets/items/import", "text/csv",
        "id,text.en,text.ru\nthird,Third,Третий\n".getBytes("UTF-8"));
    assertEquals(200, csv.statusCode(), csv.bodyAsString());
    JsonArray items = kenes.adminGet("/api/studies/sheets").bodyAsJsonObject().getJsonArray("items");
    assertEquals(List.of("strategy", "audit", "twinning", "fees", "tools", "ideas", "new-one", "third"),
        items.stream().map(i -> ((JsonObject) i).getString("id")).toList());
    assertEquals("open", items.getJsonObject(3).getString("type"));

    HttpResponse<Buffer> workbook = kenes.adminGet("/api/studies/sheets/items.xlsx?lang=ru");
    assertEquals(200, workbook.statusCode());
    assertEquals(8, Spreadsheet.read(workbook.body().getBytes()).rows().size());
    assertTrue(kenes.adminGet("/api/studies/sheets/items.csv").bodyAsString()
        .startsWith("id,type,category,text.en,text.ru,options,options.en,options.ru"));

    byte[] people = ItemSheetTest.xlsx(List.of(List.of("name", "email", "panel", "language"),
        List.of("Aigerim", "a@example.org", "policy", "ru"), List.of("Bolat", "b@example.org", "nobody", "en")));
    HttpResponse<Buffer> badPeople = postBytes("/api/studies/sheets/participants", StudyDraftApi.XLSX, people);
    assertEquals(400, badPeople.statusCode());
    assertEquals("row 3: panel", badPeople.bodyAsJsonObject().getJsonArray("details").getJsonObject(0)
        .getString("path"));
    assertEquals(0, kenes.adminGet("/api/studies/sheets/participants").bodyAsJsonArray().size());
    byte[] fixed = ItemSheetTest.xlsx(List.of(List.of("name", "email", "panel", "language"),
        List.of("Aigerim", "a@example.org", "policy", "ru"), List.of("Bolat", "b@example.org", "patients", "en")));
    assertEquals(201, postBytes("/api/studies/sheets/participants", StudyDraftApi.XLSX, fixed).statusCode());
    assertEquals(2, kenes.adminGet("/api/studies/sheets/participants").bodyAsJsonArray().size());

    JsonObject preview = kenes.adminGet("/api/studies/sheets/preview?panel=patients&lang=ru").bodyAsJsonObject();
    assertEquals(1, preview.getInteger("round"), "round 1 as it would open");
    assertEquals("patients", preview.getString("panel"));
    assertEquals("Третий", preview.getJsonArray("items").getJsonObject(7).getString("text"));
    assertEquals(400, kenes.adminGet("/api/studies/sheets/preview?panel=nobody").statusCode());
    kenes.adminPost("/api/studies/sheets/rounds");
    assertEquals(409, postBytes("/api/studies/sheets/items/import", "text/csv",
        "id,text.en,text.ru\nfourth,Fourth,Четвёртый\n".getBytes("UTF-8")).statusCode(), "only before round 1");
  }
}
