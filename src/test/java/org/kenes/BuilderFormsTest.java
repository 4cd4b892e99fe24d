package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.study.ItemSheetTest;

/** The study builder's forms over HTTP: each posts and redirects, or comes back as typed with its problems. */
class BuilderFormsTest {

  @TempDir
  static Path dir;
  static TestKenes kenes;
  static ConsoleSession maria;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
    kenes.adminPost("/api/accounts", "application/json", new JsonObject().put("username", "maria")
        .put("password", "correct horse battery").encode());
    maria = ConsoleSession.login(kenes, "maria", "correct horse battery");
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static MultiMap form(String... pairs) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      m.add(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static HttpResponse<Buffer> post(String path, String... pairs) {
    return maria.post(path, "/console", form(pairs));
  }

  private static JsonObject study(String id) {
    return kenes.adminGet("/api/studies/" + id).bodyAsJsonObject();
  }

  private static String hash(String page) {
    Matcher m = Pattern.compile("name=\"hash\" value=\"([0-9a-f]+)\"").matcher(maria.get(page).bodyAsString());
    assertTrue(m.find(), page);
    return m.group(1);
  }

  @Test
  @DisplayName("a new study is stored incomplete at once; round 1 refuses it listing what is missing (in the reader's "
      + "language), then opens")
  void incompleteUntilRoundOne() {
    HttpResponse<Buffer> bad = post("/console/new", "id", "Bad Id", "languages", "ru, xx-", "title", "");
    assertEquals(400, bad.statusCode());
    String page = bad.bodyAsString();
    assertTrue(page.contains("href=\"#f-id\""), "each problem links to its field");
    assertTrue(page.contains("id=\"f-id-error\""), page);
    assertTrue(page.contains("value=\"Bad Id\""), "what was typed is kept");
    assertEquals(0, kenes.adminGet("/api/studies").bodyAsJsonArray().stream()
        .filter(s -> "Bad Id".equals(((JsonObject) s).getString("id"))).count());

    HttpResponse<Buffer> created = post("/console/new", "id", "draft", "languages", "ru, en",
        "title", "Приоритеты качества");
    assertEquals(303, created.statusCode(), created.bodyAsString());
    assertEquals("/console/studies/draft/build?done=built", created.getHeader("Location"));
    JsonObject draft = study("draft");
    assertEquals(new JsonObject().put("ru", "Приоритеты качества"), draft.getJsonObject("title"));
    assertEquals(List.of("title.en", "panels", "items"), draft.getJsonArray("missing").stream()
        .map(p -> ((JsonObject) p).getString("path")).toList());
    assertEquals("study.created", kenes.adminGet("/api/studies/draft/audit").bodyAsJsonArray().getJsonObject(0)
        .getString("action"));

    assertEquals(303, post("/console/studies/draft/build/panels", "list", "panels", "index", "0", "action", "add",
        "panels[0].id", "all", "panels[0].name.ru", "Все").statusCode());
    assertEquals(303, post("/console/studies/draft/build/items", "index", "0", "action", "add",
        "items[0].id", "one", "items[0].type", "rating", "items[0].text.ru", "Первый вопрос").statusCode());
    HttpResponse<Buffer> api = kenes.adminPost("/api/studies/draft/rounds");
    assertEquals(409, api.statusCode());
    assertEquals(List.of("title.en", "panels[0].name.en", "items[0].text.en"), api.bodyAsJsonObject()
        .getJsonArray("details").stream().map(p -> ((JsonObject) p).getString("path")).toList());
    HttpResponse<Buffer> console = post("/console/studies/draft/rounds");
    assertEquals(409, console.statusCode());
    assertTrue(console.bodyAsString().contains("<code>items[0].text.en</code>: missing"), console.bodyAsString());
    kenes.account("olga");
    kenes.grant("draft", "olga", "facilitator");
    String russian = ConsoleSession.login(kenes, "olga", TestKenes.PASSWORD, "ru")
        .post("/console/studies/draft/rounds", "/console/studies/draft", form()).bodyAsString();
    assertTrue(russian.contains("раунд 1 нельзя открыть, пока исследование не заполнено: не хватает текстов или "
        + "частей: 3") && russian.contains("<code>items[0].text.en</code>: не заполнено"), russian);

    String translations = maria.get("/console/studies/draft/translations").bodyAsString();
    assertEquals(3, count(translations, "class=\"badge missing\""), "the missing texts marked");
    assertTrue(translations.contains("English</span>: <strong>3 missing</strong>"), translations);
    HttpResponse<Buffer> filled = post("/console/studies/draft/translations", "title.en", "Quality priorities",
        "panels[0].name.en", "Everyone", "items[0].text.en", "The first question",
        "title.ru", "Приоритеты качества", "mail.invitation.subject.ru", "Приглашение: {study}");
    assertEquals(303, filled.statusCode(), filled.bodyAsString());
    assertFalse(study("draft").containsKey("missing"), "nothing is missing");
    JsonObject subject = kenes.adminGet("/api/studies/draft/mail-texts").bodyAsJsonArray().stream()
        .map(JsonObject.class::cast).filter(t -> "invitation".equals(t.getString("kind"))
            && "ru".equals(t.getString("language"))).findFirst().orElseThrow();
    assertFalse(subject.getBoolean("edited"), "a message text as it was is not stored as one edited");
    assertEquals(201, kenes.adminPost("/api/studies/draft/rounds").statusCode());

    HttpResponse<Buffer> late = post("/console/studies/draft/build", "title.en", "Too late");
    assertEquals(409, late.statusCode());
    assertTrue(late.bodyAsString().contains("have begun"), late.bodyAsString());
    assertEquals(409, post("/console/studies/draft/translations", "title.en", "Too late").statusCode());
    assertEquals("Quality priorities", study("draft").getJsonObject("title").getString("en"));
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  @Test
  @DisplayName("a refused form stores nothing and keeps what was typed; a form of a study changed meanwhile too")
  void refusedAndStale() {
    kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
        .replace("id: small", "id: scales"));
    kenes.grant("scales", "maria", "facilitator");
    JsonObject before = study("scales");
    HttpResponse<Buffer> refused = post("/console/studies/scales/build/scale", "scale.min", "1", "scale.max", "5",
        "consensus.inAgreeAtLeast", "seventy", "scale.labels.3.en", "Middle <i>ground</i>");
    assertEquals(400, refused.statusCode());
    String page = refused.bodyAsString();
    assertTrue(page.contains("id=\"f-consensus-inAgreeAtLeast-error\">must be a number"), page);
    assertTrue(page.contains("not a point of the scale 1–5"), "the labels of 9, off the new scale");
    assertTrue(page.contains("value=\"seventy\""));
    assertTrue(page.contains("value=\"Middle &lt;i&gt;ground&lt;/i&gt;\""), "typed, escaped");
    assertEquals(before, study("scales"), "nothing stored");

    assertEquals(303, post("/console/studies/scales/build/scale", "scale.min", "1", "scale.max", "9",
        "consensus.inAgreeAtLeast", "0,75", "consensus.perPanel", "false", "consensus.perPanel", "true",
        "rounds.stableBelowPct", "20").statusCode());
    JsonObject consensus = study("scales").getJsonObject("consensus");
    assertEquals(0.75, consensus.getDouble("inAgreeAtLeast"), "a decimal comma read as a point");
    assertTrue(consensus.getBoolean("perPanel"));
    assertEquals(20.0, study("scales").getJsonObject("rounds").getDouble("stableBelowPct"));

    String old = hash("/console/studies/scales/build/rounds");
    assertEquals(303, post("/console/studies/scales/build/rounds", "rounds.max", "2").statusCode());
    HttpResponse<Buffer> stale = post("/console/studies/scales/build/rounds", "hash", old, "rounds.max", "4",
        "rounds.opensAt", "2031-03-01T09:30");
    assertEquals(409, stale.statusCode());
    assertTrue(stale.bodyAsString().contains("Someone changed the study"), stale.bodyAsString());
    assertTrue(stale.bodyAsString().contains("value=\"2031-03-01T09:30\""), "what was typed is kept");
    assertEquals(2, study("scales").getJsonObject("rounds").getInteger("max"));
    assertEquals(303, post("/console/studies/scales/build/rounds", "hash", hash("/console/studies/scales/build/rounds"),
        "rounds.max", "4", "rounds.opensAt", "2031-03-01T09:30").statusCode());
    assertEquals("2031-03-01T09:30:00Z", study("scales").getJsonObject("rounds").getString("opensAt"));
    assertTrue(maria.get("/console/studies/scales").bodyAsString()
        .contains("Round 1 opens by itself at 1 Mar 2031, 09:30"));
  }

  @Test
  @DisplayName("the rounds page lets a facilitator choose the real-time mode, which holds one long round, and the "
      + "overview says so")
  void mode() {
    assertEquals(303, post("/console/new", "id", "live", "languages", "en", "title", "Live").statusCode());
    String form = maria.get("/console/studies/live/build/rounds").bodyAsString();
    assertTrue(form.contains("In real time, one long round (real-time)"), form);
    assertEquals(303, post("/console/studies/live/build/rounds", "rounds.max", "3", "mode", "real-time")
        .statusCode());
    JsonObject live = study("live");
    assertEquals("real-time", live.getString("mode"));
    assertEquals(1, live.getJsonObject("rounds").getInteger("max"), "one long round, whatever the form said");
    assertTrue(maria.get("/console/studies/live").bodyAsString().contains("This dialogue runs in real time"));
    assertEquals(303, post("/console/studies/live/build/rounds", "rounds.max", "3", "mode", "rounds").statusCode());
    assertNull(study("live").getString("mode"), "rounds, the default, is not written");
  }

  @Test
  @DisplayName("panels, categories, items and languages: renamed, moved, removed only while unused")
  void lists() {
    kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
        .replace("id: small", "id: lists") + "categories:\n"
        + "  - {id: governance, name: {en: Governance, ru: Управление}}\n"
        + "  - {id: practice, name: {en: Practice, ru: Практика}}\n"
        + "  - {id: financing, name: {en: Money, ru: Деньги}}\n");
    kenes.grant("lists", "maria", "facilitator");
    kenes.addParticipants("lists", "patients");
    HttpResponse<Buffer> used = post("/console/studies/lists/build/panels", "list", "panels", "index", "2",
        "action", "remove");
    assertEquals(400, used.statusCode());
    assertTrue(used.bodyAsString().contains("1 participant(s) are in the panel patients"), used.bodyAsString());
    assertEquals(303, post("/console/studies/lists/build/panels", "list", "panels", "index", "0", "action", "remove")
        .statusCode());
    assertEquals(303, post("/console/studies/lists/build/panels", "list", "panels", "index", "1", "action", "up")
        .statusCode());
    assertEquals(303, post("/console/studies/lists/build/panels", "list", "panels", "index", "0", "action", "save",
        "panels[0].name.en", "Patients and carers").statusCode());
    JsonArray panels = study("lists").getJsonArray("panels");
    assertEquals(List.of("patients", "providers"), panels.stream().map(p -> ((JsonObject) p).getString("id")).toList());
    assertEquals("Patients and carers", panels.getJsonObject(0).getJsonObject("name").getString("en"));

    assertEquals(400, post("/console/studies/lists/build/panels", "list", "categories", "index", "2", "action",
        "remove").statusCode(), "fees is in financing");
    assertEquals(303, post("/console/studies/lists/build/items", "index", "3", "action", "remove").statusCode());
    assertEquals(303, post("/console/studies/lists/build/panels", "list", "categories", "index", "2", "action",
        "remove").statusCode(), "now unused");

    HttpResponse<Buffer> edited = post("/console/studies/lists/build/items/tools", "items[3].type", "ranking",
        "items[3].text.en", "Which first?", "items[3].text.ru", "Что первым?",
        "items[3].options[0].id", "audit", "items[3].options[0].text.en", "Audit",
        "items[3].options[0].text.ru", "Аудит",
        "items[3].options[1].id", "", "items[3].options[1].text.en", "Bundles",
        "items[3].options[1].text.ru", "Наборы",
        "items[3].options[2].id", "", "items[3].options[2].text.en", "", "items[3].options[2].text.ru", "");
    assertEquals(303, edited.statusCode(), edited.bodyAsString());
    JsonObject tools = study("lists").getJsonArray("items").getJsonObject(3);
    assertEquals(List.of("audit", "o2"), tools.getJsonArray("options").stream()
        .map(o -> ((JsonObject) o).getString("id")).toList(), "blank rows left out, an option without an id numbered");
    HttpResponse<Buffer> oneOption = post("/console/studies/lists/build/items/tools", "items[3].type", "ranking",
        "items[3].text.en", "Which first?", "items[3].options[0].id", "audit", "items[3].options[0].text.en", "Audit");
    assertEquals(400, oneOption.statusCode());
    assertTrue(oneOption.bodyAsString().contains("a ranking needs at least two options"));
    assertEquals(303, post("/console/studies/lists/build/items", "index", "0", "action", "down").statusCode());
    assertEquals(List.of("audit", "strategy", "twinning", "tools", "ideas"), study("lists").getJsonArray("items")
        .stream().map(i -> ((JsonObject) i).getString("id")).toList());

    assertEquals(303, post("/console/studies/lists/build/languages", "action", "add", "language", "kk").statusCode());
    assertTrue(study("lists").getJsonArray("missing").stream().anyMatch(p -> "title.kk".equals(((JsonObject) p)
        .getString("path"))), "the new language's texts are missing");
    assertEquals(303, post("/console/studies/lists/build/languages", "action", "first", "language", "ru")
        .statusCode());
    assertEquals(List.of("ru", "en", "kk"), study("lists").getJsonArray("languages").getList());
    assertEquals(400, post("/console/studies/lists/build/languages", "action", "remove", "language", "en")
        .statusCode(), "a participant answers in English");
    assertEquals(303, post("/console/studies/lists/build/languages", "action", "remove", "language", "kk")
        .statusCode());
    assertFalse(study("lists").containsKey("missing"));
    assertFalse(study("lists").getJsonObject("title").containsKey("kk"));
  }

  @Test
  @DisplayName("items imported in the console from XLSX and CSV: a broken file imports nothing, an import is audited; "
      + "the advanced view")
  void importsAndAdvanced() throws Exception {
    kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
        .replace("id: small", "id: imported"));
    kenes.grant("imported", "maria", "facilitator");
    JsonArray before = study("imported").getJsonArray("items");
    Path broken = Files.write(dir.resolve("broken.xlsx"), ItemSheetTest.xlsx(List.of(
        List.of("id", "type", "text.en", "text.ru"), List.of("fresh", "rating", "Fresh", "Свежий"),
        List.of("wrong", "poll", "Wrong", "Неверный"))));
    HttpResponse<Buffer> refused = upload("/console/studies/imported/build/items/import", broken);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("row 3: type"), refused.bodyAsString());
    assertEquals(before, study("imported").getJsonArray("items"), "nothing imported");
    Path csv = Files.writeString(dir.resolve("items.csv"),
        "id;type;text.en;text.ru\nfresh;open;Fresh ideas?;Идеи?\n");
    HttpResponse<Buffer> imported = upload("/console/studies/imported/build/items/import", csv);
    assertEquals(303, imported.statusCode(), imported.bodyAsString());
    assertEquals("/console/studies/imported/build/items?done=imported&n=1", imported.getHeader("Location"));
    assertEquals("fresh", study("imported").getJsonArray("items").getJsonObject(6).getString("id"));
    JsonObject audited = kenes.adminGet("/api/studies/imported/audit").bodyAsJsonArray().stream()
        .map(JsonObject.class::cast).filter(e -> "items.imported".equals(e.getString("action"))).findFirst()
        .orElseThrow(() -> new AssertionError("the console's import is audited as the API's is"));
    assertEquals("maria", audited.getString("actor"));
    assertEquals("1 added, 0 updated", audited.getString("target"));

    JsonObject definition = study("imported");
    definition.remove("roundsHeld");
    definition.remove("copiedFrom");
    definition.remove("missing");
    definition.getJsonArray("items").getJsonObject(5).getJsonObject("text").remove("ru");
    HttpResponse<Buffer> advanced = maria.post("/console/studies/imported/edit", "/console/studies/imported/edit",
        form("definition", definition.encode()));
    assertEquals(303, advanced.statusCode(), "the advanced view stores a draft with a text missing too");
    assertEquals(List.of("items[5].text.ru"), study("imported").getJsonArray("missing").stream()
        .map(p -> ((JsonObject) p).getString("path")).toList());
    assertEquals(400, kenes.adminPut("/api/studies/imported", new JsonObject()).statusCode());
    assertEquals(400, kenes.vertxClient().put("/api/studies/imported").bearerTokenAuthentication(TestKenes.ADMIN)
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(definition.encode())).await()
        .statusCode(), "a file through the API must be complete");
  }

  private static HttpResponse<Buffer> upload(String path, Path file) {
    String csrf = maria.csrf("/console/studies/imported/build/items");
    return maria.request(kenes.vertxClient().post(path)).sendMultipartForm(MultipartForm.create()
        .attribute("csrf", csrf).binaryFileUpload("file", file.getFileName().toString(), file.toString(),
            "application/octet-stream")).await();
  }

  @Test
  @DisplayName("a copy from the overview opens in the builder and says where it came from, with the message texts")
  void copyFromTheOverview() {
    kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
        .replace("id: small", "id: source"));
    kenes.grant("source", "maria", "facilitator");
    kenes.adminPut("/api/studies/source/mail-texts/invitation/ru", new JsonObject()
        .put("subject", "Приглашение").put("body", "Здравствуйте, {name}: {link}"));
    HttpResponse<Buffer> taken = post("/console/studies/source/copy", "newId", "source");
    assertEquals(409, taken.statusCode());
    assertTrue(taken.bodyAsString().contains("value=\"source\""), "the id typed is kept");
    HttpResponse<Buffer> copied = post("/console/studies/source/copy", "newId", "source-2027");
    assertEquals(303, copied.statusCode(), copied.bodyAsString());
    assertEquals("/console/studies/source-2027/build?done=copied", copied.getHeader("Location"));
    assertTrue(maria.get("/console/studies/source-2027").bodyAsString()
        .contains("Copied from source before it held a round"));
    JsonObject invitation = kenes.adminGet("/api/studies/source-2027/mail-texts").bodyAsJsonArray().stream()
        .map(JsonObject.class::cast).filter(t -> t.getBoolean("edited")).findFirst().orElseThrow();
    assertEquals("Приглашение", invitation.getString("subject"));
  }
}
