package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.study.ItemSheetTest;

/**
 * Pilot participants (issue 15, item 4): a dialogue with pilots answering alongside the panel gives, everywhere, what
 * the same dialogue without them gives; the facilitator sees the pilots' answers apart and can clear them; the
 * Russian console imports them from a workbook and marks them.
 */
class PilotTest {

  private static final String[] PANELS = {"policy", "policy", "policy", "providers", "providers", "providers",
      "patients", "patients", "patients"};

  @TempDir
  static Path dir;
  private static TestKenes kenes;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static String create(String id) {
    String yaml = TestKenes.resource("studies/small.yaml").replace("id: small", "id: " + id);
    HttpResponse<Buffer> r = kenes.adminPost("/api/studies", "application/yaml", yaml);
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return id;
  }

  private static JsonArray pilots(String study, String... panels) {
    JsonArray people = new JsonArray();
    for (int i = 0; i < panels.length; i++) {
      people.add(new JsonObject().put("name", "Pilot " + i).put("email", "pilot" + i + "@example.org")
          .put("panel", panels[i]).put("pilot", true));
    }
    HttpResponse<Buffer> r = kenes.adminPost("/api/studies/" + study + "/participants", "application/json",
        people.encode());
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonArray();
  }

  /** Participant i's answers: each rating its own, a comment, a ranking and an open text. */
  private static JsonObject answers(int i, boolean submit) {
    JsonObject a = new JsonObject();
    a.put("strategy", new JsonObject().put("value", 7 + i % 3).put("comment", "real comment " + i));
    a.put("audit", new JsonObject().put("value", 2 + i % 7));
    a.put("twinning", new JsonObject().put("value", i % 2 == 0 ? 8 : 4));
    a.put("fees", new JsonObject().put("value", i == 4 ? null : 1 + i % 3));
    a.put("tools", new JsonObject().put("ranking", i % 2 == 0 ? List.of("audit", "checklists", "pdsa")
        : List.of("pdsa", "audit", "checklists")));
    a.put("ideas", new JsonObject().put("text", "real idea " + i));
    return new JsonObject().put("answers", a).put("submit", submit);
  }

  /** What a pilot answers: everything at the other end of the scale, so that any leak would move a figure. */
  private static JsonObject pilotAnswers(String word) {
    JsonObject a = new JsonObject();
    for (String item : List.of("strategy", "audit", "twinning", "fees")) {
      a.put(item, new JsonObject().put("value", 1).put("comment", "PILOT " + word + " " + item));
    }
    a.put("tools", new JsonObject().put("ranking", List.of("checklists", "pdsa", "audit")).put("comment",
        "PILOT " + word + " tools"));
    a.put("ideas", new JsonObject().put("text", "PILOT " + word + " idea"));
    return new JsonObject().put("answers", a).put("submit", true);
  }

  private static void save(String token, JsonObject body) {
    HttpResponse<Buffer> r = kenes.put("/api/p/" + token + "/answers", body);
    assertEquals(200, r.statusCode(), r.bodyAsString());
  }

  private static JsonObject json(String path) {
    HttpResponse<Buffer> r = kenes.adminGet(path);
    assertEquals(200, r.statusCode(), path + ": " + r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** A document of one study made comparable with its twin's: the id named alike, moments left out. */
  private static String same(Object json, String study) {
    return strip(json).toString().replace(study, "STUDY");
  }

  private static Object strip(Object value) {
    if (value instanceof JsonObject o) {
      JsonObject out = new JsonObject();
      o.fieldNames().stream().sorted().filter(k -> !k.endsWith("At") && !k.equals("generated"))
          .forEach(k -> out.put(k, strip(o.getValue(k))));
      return out;
    }
    if (value instanceof JsonArray a) {
      return new JsonArray(a.stream().map(PilotTest::strip).toList());
    }
    return value;
  }

  /** The export's rows without the pseudonyms (a study's own keyed hashes), sorted. */
  private static List<String> exportRows(String study) {
    HttpResponse<Buffer> r = kenes.adminGet("/api/studies/" + study + "/export.csv");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertFalse(r.bodyAsString().contains("PILOT"), r.bodyAsString());
    return r.bodyAsString().lines().map(l -> l.substring(l.indexOf(',') + 1)).sorted().toList();
  }

  /**
   * What a round's opinion groups are computed from, to nine decimals: the panelists clustered, the items, and each
   * panelist's point on the map with its panel (sorted: the twins' ids, and so their order, differ). The clustering
   * itself starts from a seed of the study's own, so the twins' k-means may differ, pilots or not.
   */
  private static String groups(String study) {
    JsonObject groups = json("/api/studies/" + study + "/rounds/1/groups");
    JsonObject method = groups.getJsonObject("method");
    JsonObject input = new JsonObject().put("clustered", method.getValue("clustered"))
        .put("unclustered", method.getValue("unclustered")).put("items", method.getValue("itemsClustered"))
        .put("explained", method.getValue("explained"))
        .put("map", new JsonArray(groups.getJsonArray("map").stream().map(JsonObject.class::cast)
            .map(p -> new JsonObject().put("panel", p.getString("panel")).put("x", p.getDouble("x"))
                .put("y", p.getDouble("y")))
            .map(PilotTest::rounded).map(Object::toString).sorted().toList()));
    assertEquals(PANELS.length, method.getInteger("clustered"), "the panel alone is clustered: " + groups);
    return same(rounded(input), study);
  }

  private static Object rounded(Object value) {
    if (value instanceof Double d) {
      return Math.round(d * 1e9) / 1e9;
    }
    if (value instanceof JsonObject o) {
      JsonObject out = new JsonObject();
      o.forEach(e -> out.put(e.getKey(), rounded(e.getValue())));
      return out;
    }
    if (value instanceof JsonArray a) {
      return new JsonArray(a.stream().map(PilotTest::rounded).toList());
    }
    return value;
  }

  /** The open answers' texts (their ids are the study's own keyed hashes), sorted. */
  private static List<String> openTexts(String study) {
    return json("/api/studies/" + study + "/rounds/1/open-answers").getJsonArray("items").stream()
        .map(JsonObject.class::cast).flatMap(i -> i.getJsonArray("answers").stream().map(JsonObject.class::cast))
        .map(a -> a.getString("text")).sorted().toList();
  }

  private static Map<String, Map<String, Number>> tallies(String study, int round) {
    return kenes.tallies(study, round);
  }

  @Test
  @DisplayName("pilots who answer before round 1 and alongside the panel change no result, tally, live event, "
      + "export, report, group or carried-forward item: every output equals the same dialogue's without them")
  void pilotsCountNowhere() throws InterruptedException {
    String with = create("pilots");
    String without = create("nopilots");
    JsonArray real = kenes.addParticipants(with, PANELS);
    JsonArray twin = kenes.addParticipants(without, PANELS);
    JsonArray pilots = pilots(with, "policy", "patients", "providers");
    assertTrue(pilots.getJsonObject(0).getBoolean("pilot"));
    assertFalse(real.getJsonObject(0).getBoolean("pilot"));

    // Before round 1, on the draft: the pilots try round 1; the panel has nothing to answer yet.
    JsonObject tried = kenes.get("/api/p/" + pilots.getJsonObject(0).getString("token")).bodyAsJsonObject();
    assertEquals(1, tried.getInteger("round"));
    assertTrue(tried.getBoolean("pilot"));
    assertEquals(6, tried.getJsonArray("items").size());
    assertEquals(null, kenes.get("/api/p/" + real.getJsonObject(0).getString("token")).bodyAsJsonObject()
        .getValue("round"));
    for (int p = 0; p < pilots.size(); p++) {
      save(pilots.getJsonObject(p).getString("token"), pilotAnswers("draft"));
    }
    assertEquals(201, kenes.adminPost("/api/studies/" + with + "/rounds").statusCode());
    assertEquals(201, kenes.adminPost("/api/studies/" + without + "/rounds").statusCode());
    JsonObject kept = kenes.get("/api/p/" + pilots.getJsonObject(0).getString("token")).bodyAsJsonObject();
    assertTrue(kept.getBoolean("submitted"), "the pilot's draft-time answers stay theirs in round 1: " + kept);

    try (LiveEvents live = LiveEvents.open(kenes, with); LiveEvents twinLive = LiveEvents.open(kenes, without)) {
      String first = same(live.next(e -> true), with);
      assertEquals(first, same(twinLive.next(e -> true), without), "the events on connecting");
      // A pilot's save in the open round announces nothing: the next event is the panelist's.
      save(pilots.getJsonObject(1).getString("token"), pilotAnswers("round1"));
      save(real.getJsonObject(0).getString("token"), answers(0, true));
      save(twin.getJsonObject(0).getString("token"), answers(0, true));
      assertEquals(same(twinLive.next(e -> true), without), same(live.next(e -> true), with),
          "the first event after the pilot's and the panelist's saves");
    }
    for (int i = 1; i < PANELS.length; i++) {
      save(real.getJsonObject(i).getString("token"), answers(i, true));
      save(twin.getJsonObject(i).getString("token"), answers(i, true));
      if (i == 4) {
        save(pilots.getJsonObject(2).getString("token"), pilotAnswers("round1"));
      }
    }
    assertEquals(tallies(without, 1), tallies(with, 1), "the live tallies");
    assertEquals(same(json("/api/studies/" + without + "/rounds/1/results"), without),
        same(json("/api/studies/" + with + "/rounds/1/results"), with), "the live results");
    assertEquals(exportRows(without), exportRows(with), "the export while round 1 is open");

    HttpResponse<Buffer> closed = kenes.adminPost("/api/studies/" + with + "/rounds/1/close");
    HttpResponse<Buffer> twinClosed = kenes.adminPost("/api/studies/" + without + "/rounds/1/close");
    assertEquals(200, closed.statusCode(), closed.bodyAsString());
    assertFalse(closed.bodyAsString().contains("PILOT"));
    assertEquals(same(twinClosed.bodyAsJsonObject(), without), same(closed.bodyAsJsonObject(), with),
        "the results of the close");
    assertEquals(tallies(without, 1), tallies(with, 1), "the close's recount");
    assertEquals(same(json("/api/studies/" + without + "/rounds/1/results"), without),
        same(json("/api/studies/" + with + "/rounds/1/results"), with), "the stored results");
    assertEquals(openTexts(without), openTexts(with), "the open answers");
    assertEquals(groups(without), groups(with), "the opinion groups");
    assertEquals(same(json("/api/studies/" + without + "/report"), without),
        same(json("/api/studies/" + with + "/report"), with), "the report");
    assertEquals(exportRows(without), exportRows(with), "the export");
    String page = kenes.adminGet("/studies/" + with + "/report").bodyAsString();
    assertFalse(page.contains("PILOT"), "the report page");

    HttpResponse<Buffer> round2 = kenes.adminPost("/api/studies/" + with + "/rounds");
    HttpResponse<Buffer> twin2 = kenes.adminPost("/api/studies/" + without + "/rounds");
    assertEquals(201, round2.statusCode(), round2.bodyAsString());
    assertEquals(twin2.bodyAsJsonObject().getJsonArray("items"), round2.bodyAsJsonObject().getJsonArray("items"),
        "the items carried forward");
    JsonObject feedback = kenes.get("/api/p/" + pilots.getJsonObject(1).getString("token")).bodyAsJsonObject();
    JsonObject strategy = feedback.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> "strategy".equals(i.getString("id"))).findFirst().orElse(null);
    if (strategy != null) {
      assertEquals(1, strategy.getJsonObject("feedback").getJsonObject("yours").getInteger("value"),
          "a pilot's feedback shows their own pilot answer: " + strategy);
    }
  }

  @Test
  @DisplayName("the facilitator sees the pilots' answers and their results apart, and clearing them (audited) "
      + "deletes every pilot answer and nothing else")
  void pilotViewAndClearing() {
    String study = create("pilotview");
    JsonArray real = kenes.addParticipants(study, PANELS);
    JsonArray pilots = pilots(study, "policy", "patients");
    save(pilots.getJsonObject(0).getString("token"), pilotAnswers("a"));
    save(pilots.getJsonObject(1).getString("token"), pilotAnswers("b").put("submit", false));

    JsonObject view = json("/api/studies/" + study + "/pilot");
    assertEquals(2, view.getJsonArray("pilots").size());
    assertEquals(1, view.getJsonArray("rounds").size());
    JsonObject round = view.getJsonArray("rounds").getJsonObject(0);
    assertEquals(1, round.getInteger("round"));
    assertFalse(round.getBoolean("held"));
    assertEquals(2, round.getJsonArray("sets").size());
    JsonObject strategy = round.getJsonObject("results").getJsonArray("items").getJsonObject(0);
    assertEquals(1, strategy.getJsonObject("overall").getInteger("n"), "only the submitted pilot set: " + strategy);
    assertTrue(strategy.getJsonArray("comments").contains("PILOT a strategy"), strategy.encode());
    // Piloting changes the questionnaire: an item removed leaves the pilots' answers to it out of the view.
    HttpResponse<Buffer> edited = kenes.vertxClient().put("/api/studies/" + study).bearerTokenAuthentication(
        TestKenes.ADMIN).putHeader("Content-Type", "application/yaml").sendBuffer(Buffer.buffer(TestKenes
        .resource("studies/small.yaml").replace("id: small", "id: " + study).replaceAll("(?m)^  - \\{id: fees.*$\n",
        ""))).await();
    assertEquals(200, edited.statusCode(), edited.bodyAsString());
    JsonObject after = json("/api/studies/" + study + "/pilot").getJsonArray("rounds").getJsonObject(0);
    assertFalse(after.encode().contains("\"fees\""), after.encode());
    assertEquals(5, after.getJsonObject("results").getJsonArray("items").size());
    JsonObject participants = kenes.adminGet("/api/studies/" + study + "/participants").bodyAsJsonArray().stream()
        .map(JsonObject.class::cast).filter(p -> p.getString("id").equals(pilots.getJsonObject(0).getString("id")))
        .findFirst().orElseThrow();
    assertTrue(participants.getBoolean("pilot"), "the participants' list marks the pilot");

    assertEquals(201, kenes.adminPost("/api/studies/" + study + "/rounds").statusCode());
    JsonObject withoutFees = answers(0, true);
    withoutFees.getJsonObject("answers").remove("fees");
    save(real.getJsonObject(0).getString("token"), withoutFees);
    Map<String, Map<String, Number>> tallies = tallies(study, 1);
    HttpResponse<Buffer> cleared = kenes.vertxClient().delete("/api/studies/" + study + "/pilot/answers")
        .bearerTokenAuthentication(TestKenes.ADMIN).send().await();
    assertEquals(200, cleared.statusCode(), cleared.bodyAsString());
    assertEquals(2L, cleared.bodyAsJsonObject().getLong("cleared"));
    assertEquals(0, json("/api/studies/" + study + "/pilot").getJsonArray("rounds").size());
    assertEquals(2, json("/api/studies/" + study + "/pilot").getJsonArray("pilots").size(), "the pilots stay");
    assertEquals(tallies, tallies(study, 1), "no figure moved");
    assertTrue(kenes.adminGet("/api/studies/" + study + "/audit").bodyAsString().contains("pilot.cleared"));
    JsonObject again = kenes.get("/api/p/" + pilots.getJsonObject(0).getString("token")).bodyAsJsonObject();
    assertFalse(again.getBoolean("submitted"), "the pilot starts afresh: " + again);
  }

  @Test
  @DisplayName("a pilot mark that is not a boolean is refused with 400 naming the field, and nobody is added; a "
      + "spreadsheet's pilot column takes yes or no")
  void badPilotMark() {
    String study = create("pilotbad");
    HttpResponse<Buffer> bad = kenes.adminPost("/api/studies/" + study + "/participants", "application/json",
        new JsonArray().add(new JsonObject().put("email", "a@example.org").put("panel", "policy"))
            .add(new JsonObject().put("email", "b@example.org").put("panel", "policy").put("pilot", "yes")).encode());
    assertEquals(400, bad.statusCode(), bad.bodyAsString());
    JsonObject problem = bad.bodyAsJsonObject().getJsonArray("details").getJsonObject(0);
    assertEquals("[1].pilot", problem.getString("path"), bad.bodyAsString());
    assertEquals(0, kenes.adminGet("/api/studies/" + study + "/participants").bodyAsJsonArray().size());

    HttpResponse<Buffer> csv = kenes.adminPost("/api/studies/" + study + "/participants", "text/csv",
        "name,email,panel,language,pilot\nA,a@example.org,policy,en,maybe\n");
    assertEquals(400, csv.statusCode(), csv.bodyAsString());
    assertEquals("line 2: pilot", csv.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));

    HttpResponse<Buffer> good = kenes.adminPost("/api/studies/" + study + "/participants", "text/csv",
        "name,email,panel,language,pilot\nA,a@example.org,policy,en,yes\nB,b@example.org,policy,en,\n");
    assertEquals(201, good.statusCode(), good.bodyAsString());
    assertTrue(good.bodyAsJsonArray().getJsonObject(0).getBoolean("pilot"));
    assertFalse(good.bodyAsJsonArray().getJsonObject(1).getBoolean("pilot"));

    HttpResponse<Buffer> changed = kenes.adminPost("/api/studies/" + study + "/participants", "application/json",
        new JsonArray().add(new JsonObject().put("email", "b@example.org").put("panel", "policy").put("pilot", true))
            .encode());
    assertEquals(400, changed.statusCode(), changed.bodyAsString());
    assertEquals("[0].pilot", changed.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
    JsonObject counts = kenes.services().store().client().findOne("participant-counts",
        new JsonObject().put("_id", study), null).await();
    assertNotNull(counts);
    assertEquals(1, counts.getJsonObject("panels").getInteger("policy"), "a pilot is not counted among the invited");
  }

  @Test
  @DisplayName("a pilot who withdraws leaves the invited counts alone, and erasing a pilot deletes their pilot answers")
  void pilotErasure() {
    String study = create("piloterase");
    kenes.addParticipants(study, "policy");
    JsonArray pilots = pilots(study, "policy", "policy");
    save(pilots.getJsonObject(0).getString("token"), pilotAnswers("gone"));
    save(pilots.getJsonObject(1).getString("token"), pilotAnswers("leaves"));
    assertEquals(201, kenes.adminPost("/api/studies/" + study + "/rounds").statusCode());
    save(pilots.getJsonObject(0).getString("token"), pilotAnswers("gone"));
    JsonObject before = kenes.services().store().client().findOne("participant-counts",
        new JsonObject().put("_id", study), null).await();

    HttpResponse<Buffer> withdrawn = kenes.vertxClient().post("/api/p/" + pilots.getJsonObject(1).getString("token")
        + "/withdraw").send().await();
    assertEquals(200, withdrawn.statusCode(), withdrawn.bodyAsString());
    HttpResponse<Buffer> erased = kenes.vertxClient().delete("/api/p/" + pilots.getJsonObject(0).getString("token"))
        .send().await();
    assertEquals(200, erased.statusCode(), erased.bodyAsString());
    assertEquals(before, kenes.services().store().client().findOne("participant-counts",
        new JsonObject().put("_id", study), null).await(), "pilots never counted among the invited");
    List<JsonObject> left = kenes.services().store().client().find("pilot-answers",
        new JsonObject().put("study", study)).await();
    assertEquals(1, left.size(), "only the pilot who withdrew keeps a pilot set: " + left);
    assertEquals(pilots.getJsonObject(1).getString("id"), left.get(0).getString("participant"));
  }

  @Test
  @DisplayName("in the Russian console a workbook of people with a pilot column is added whole or not at all (a bad row "
      + "named, in Russian), and its pilots are marked on the participants page, the pilot page and their own link")
  void russianConsole() throws Exception {
    String study = create("pilotru");
    kenes.account("olga");
    kenes.grant(study, "olga", "facilitator");
    ConsoleSession olga = ConsoleSession.login(kenes, "olga", TestKenes.PASSWORD, "ru");
    String people = "/console/studies/" + study + "/participants";
    List<Object> header = List.of("name", "email", "panel", "language", "pilot");
    List<Object> anna = List.of("Анна Пилотова", "anna@example.org", "policy", "ru", "yes");

    HttpResponse<Buffer> refused = upload(olga, people, ItemSheetTest.xlsx(List.of(header, anna,
        List.of("Борис", "boris@example.org", "nowhere", "ru", "no"))));
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    assertTrue(refused.bodyAsString().contains("<code>row 3: panel</code>: в исследовании нет панели «nowhere»"),
        refused.bodyAsString());
    assertEquals(0, kenes.adminGet("/api/studies/" + study + "/participants").bodyAsJsonArray().size(),
        "nobody is added");

    HttpResponse<Buffer> added = upload(olga, people, ItemSheetTest.xlsx(List.of(header, anna,
        List.of("Борис", "boris@example.org", "providers", "ru", "no"))));
    assertEquals(303, added.statusCode(), added.bodyAsString());
    List<JsonObject> listed = kenes.adminGet("/api/studies/" + study + "/participants").bodyAsJsonArray().stream()
        .map(JsonObject.class::cast).toList();
    JsonObject pilot = listed.stream().filter(p -> p.getBoolean("pilot")).findFirst().orElseThrow();
    assertEquals(List.of("Анна Пилотова"), listed.stream().filter(p -> p.getBoolean("pilot"))
        .map(p -> p.getString("name")).toList());

    String page = olga.get(people).bodyAsString();
    assertTrue(page.contains("<code>" + pilot.getString("id") + "</code></a> <strong class=\"badge pilot\">пилот"),
        page);
    assertEquals(1, page.split("class=\"badge pilot\"", -1).length - 1, "only the pilot is marked");
    String pilots = olga.get("/console/studies/" + study + "/pilot").bodyAsString();
    assertTrue(pilots.contains("Пилотные участники") && pilots.contains("Анна Пилотова"), pilots);
    assertFalse(pilots.contains("Борис"), "the panel is not on the pilot page");
    String link = pilot.getString("link");
    String own = kenes.get(link.substring(link.indexOf("/p/"))).bodyAsString();
    assertTrue(own.contains("Вы пилотный участник"), own);
  }

  /** A spreadsheet uploaded on a console page's import form, with the page's CSRF token. */
  private static HttpResponse<Buffer> upload(ConsoleSession session, String page, byte[] xlsx) throws Exception {
    Path file = Files.write(Files.createTempFile(dir, "people", ".xlsx"), xlsx);
    return session.request(kenes.vertxClient().post(page + "/import")).sendMultipartForm(MultipartForm.create()
        .attribute("csrf", session.csrf(page)).binaryFileUpload("file", "people.xlsx", file.toString(),
            "application/octet-stream")).await();
  }
}
