package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.common.Sha256;

/**
 * Facilitators see participants' ids next to their names and watch who has submitted: nothing they see of the answers
 * links back to a person. Exports and open answers carry keyed pseudonyms; an open round's statistics move in steps.
 */
class AnswerPrivacyTest {

  /** strategy: consensus in; audit, twinning: no consensus (asked again in round 2); fees: consensus out. */
  private static final int[][] RATINGS = {{9, 5, 7, 1}, {8, 6, 3, 2}, {9, 7, 5, 1}, {7, 4, 8, 2}, {8, 8, 2, 1},
      {9, 3, 6, 3}};
  private static final String[] RATED = {"strategy", "audit", "twinning", "fees"};

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

  /** The small study under another id, so that each test has its own. */
  private static void createStudy(String id) {
    assertEquals(201, kenes.adminPost("/api/studies", "application/yaml",
        TestKenes.resource("studies/small.yaml").replace("id: small", "id: " + id)).statusCode());
  }

  private static JsonObject answers(int person, String idea) {
    JsonObject answers = new JsonObject();
    for (int k = 0; k < RATED.length; k++) {
      answers.put(RATED[k], new JsonObject().put("value", RATINGS[person % RATINGS.length][k]));
    }
    return answers.put("ideas", new JsonObject().put("text", idea));
  }

  private static void submit(JsonArray people, int person, JsonObject answers) {
    assertEquals(200, kenes.put("/api/p/" + DelphiLoopTest.token(people, person) + "/answers",
        new JsonObject().put("answers", answers).put("submit", true)).statusCode());
  }

  private static List<CSVRecord> csv(String text) {
    try {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> pseudonyms(List<CSVRecord> rows, int round) {
    return rows.stream().filter(r -> r.get("round").equals(String.valueOf(round))).map(r -> r.get("participant"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  @DisplayName("the export names people by keyed pseudonyms, never by their ids, one per person in every round")
  void exportPseudonyms() throws Exception {
    createStudy("pseudonyms");
    JsonArray people = kenes.addParticipants("pseudonyms", "policy", "policy", "policy", "providers", "providers",
        "providers");
    kenes.adminPost("/api/studies/pseudonyms/rounds");
    for (int i = 0; i < people.size(); i++) {
      submit(people, i, answers(i, "Idea " + i));
    }
    kenes.adminPost("/api/studies/pseudonyms/rounds/1/close");
    assertEquals(List.of("audit", "twinning"), kenes.adminPost("/api/studies/pseudonyms/rounds").bodyAsJsonObject()
        .getJsonArray("items").getList());
    for (int i = 0; i < people.size(); i++) {
      submit(people, i, new JsonObject().put("audit", new JsonObject().put("value", 1 + i).put("reason", "Why"))
          .put("twinning", new JsonObject().put("value", 9 - i).put("reason", "Why")));
    }
    kenes.adminPost("/api/studies/pseudonyms/rounds/2/close");

    String export = kenes.adminGet("/api/studies/pseudonyms/export.csv").bodyAsString();
    Set<String> ids = people.stream().map(p -> ((JsonObject) p).getString("id")).collect(Collectors.toSet());
    assertEquals(ids, kenes.adminGet("/api/studies/pseudonyms/participants").bodyAsJsonArray().stream()
        .map(p -> ((JsonObject) p).getString("id")).collect(Collectors.toSet()), "facilitators see the ids with names");
    ids.forEach(id -> assertFalse(export.contains(id), "the export never carries a participant's id"));
    List<CSVRecord> rows = csv(export);
    Set<String> first = pseudonyms(rows, 1);
    assertEquals(people.size(), first.size());
    assertEquals(first, pseudonyms(rows, 2), "one pseudonym per person, the same in every round");
    first.forEach(p -> assertTrue(p.matches("R-[2-9A-HJ-NP-Z]{12}"), p));
    assertEquals(export, kenes.adminGet("/api/studies/pseudonyms/export.csv").bodyAsString(),
        "the study's secret is made once");

    // The rounds can still be paired: kenes analyze of the export finds the stability the server found.
    Path file = dir.resolve("pseudonyms.csv");
    Files.writeString(file, export);
    JsonObject offline = DelphiLoopTest.analyze(file.toString(), "--round", "2");
    JsonObject stored = kenes.adminGet("/api/studies/pseudonyms/rounds/2/results").bodyAsJsonObject();
    assertEquals(DelphiLoopTest.item(stored, "audit").getJsonObject("stability"),
        DelphiLoopTest.item(offline, "audit").getJsonObject("stability"));

    createStudy("pseudonyms-other");
    JsonArray same = kenes.addParticipants("pseudonyms-other", "policy", "policy", "policy");
    kenes.adminPost("/api/studies/pseudonyms-other/rounds");
    for (int i = 0; i < same.size(); i++) {
      submit(same, i, answers(i, "Idea " + i));
    }
    kenes.adminPost("/api/studies/pseudonyms-other/rounds/1/close");
    Set<String> other = pseudonyms(csv(kenes.adminGet("/api/studies/pseudonyms-other/export.csv").bodyAsString()), 1);
    other.retainAll(first);
    assertEquals(Set.of(), other, "the same people have other pseudonyms in another study");
  }

  @Test
  @DisplayName("open answers' ids are keyed hashes; an id an earlier version logged still quotes its text")
  void openAnswerIds() {
    createStudy("open-ids");
    JsonArray people = kenes.addParticipants("open-ids", "policy", "policy", "policy");
    kenes.adminPost("/api/studies/open-ids/rounds");
    for (int i = 0; i < people.size(); i++) {
      submit(people, i, answers(i, "Idea " + i));
    }
    kenes.adminPost("/api/studies/open-ids/rounds/1/close");
    JsonArray answers = kenes.adminGet("/api/studies/open-ids/rounds/1/open-answers").bodyAsJsonObject()
        .getJsonArray("items").getJsonObject(0).getJsonArray("answers");
    assertEquals("Idea 0", answers.getJsonObject(0).getString("text"));
    List<String> unkeyed = people.stream().map(p -> unkeyedId("open-ids", ((JsonObject) p).getString("id"))).toList();
    answers.forEach(a -> {
      String id = ((JsonObject) a).getString("id");
      assertTrue(id.matches("a-[0-9a-f]{16}"), id);
      unkeyed.forEach(u -> assertFalse(id.startsWith(u), id + " is the hash of a participant's id"));
    });

    assertEquals(201, kenes.adminPost("/api/studies/open-ids/items", "application/json", new JsonObject()
        .put("id", "idea-zero").put("type", "rating")
        .put("text", new JsonObject().put("en", "Idea 0").put("ru", "Идея 0"))
        .put("provenance", new JsonObject().put("change", "added")
            .put("from", new JsonArray().add(answers.getJsonObject(0).getString("id"))).put("note", "from round 1"))
        .encode()).statusCode());
    // A store an earlier Kenes wrote: its changes name open answers by the unkeyed ids it gave them.
    kenes.services().store().client().updateCollection("changes", new JsonObject().put("study", "open-ids"),
        new JsonObject().put("$set", new JsonObject().put("from", new JsonArray().add(unkeyed.get(0))))).await();
    JsonObject change = kenes.adminGet("/api/studies/open-ids/report").bodyAsJsonObject().getJsonArray("changes")
        .getJsonObject(0);
    assertEquals(new JsonObject().put("answer", unkeyed.get(0)).put("text", "Idea 0"),
        change.getJsonArray("sources").getJsonObject(0));
  }

  /** The id an earlier Kenes gave a participant's answer to 'ideas' in round 1: a hash of their id, no secret. */
  private static String unkeyedId(String study, String participant) {
    return "a-" + Sha256.hex(study + ":1:" + participant + ":ideas").substring(0, 12);
  }

  @Test
  @DisplayName("an open round's statistics move in steps of minCell submissions per panel, counts live; closes exact")
  void liveSteps() {
    createStudy("steps");
    JsonArray people = kenes.addParticipants("steps", "policy", "policy", "policy", "policy", "providers");
    kenes.adminPost("/api/studies/steps/rounds");
    String results = "/api/studies/steps/rounds/1/results";

    submit(people, 0, answers(0, "Idea 0"));
    JsonObject one = kenes.adminGet(results).bodyAsJsonObject();
    assertEquals(1, one.getJsonObject("participation").getInteger("responded"), "the count is live");
    assertEquals(0, overall(one, "strategy").getInteger("n"), "one submission shows in no statistic");
    assertEquals(0, one.getInteger("counted"));
    submit(people, 1, answers(1, "Idea 1"));
    JsonObject two = kenes.adminGet(results).bodyAsJsonObject();
    assertEquals(2, two.getJsonObject("participation").getInteger("responded"));
    assertEquals(withoutCounts(one), withoutCounts(two), "nor does a second");

    submit(people, 2, answers(2, "Idea 2"));
    JsonObject three = kenes.adminGet(results).bodyAsJsonObject();
    assertEquals(3, overall(three, "strategy").getInteger("n"), "three policy-makers: a step");
    assertEquals(3, three.getInteger("counted"));
    submit(people, 4, answers(4, "Idea 4"));
    submit(people, 3, answers(3, "Idea 3"));
    submit(people, 0, answers(5, "Idea 0, revised"));
    JsonObject five = kenes.adminGet(results).bodyAsJsonObject();
    assertEquals(5, five.getJsonObject("participation").getInteger("responded"));
    assertEquals(withoutCounts(three), withoutCounts(five),
        "one more in each panel and a revision: the statistics stay at the last step");

    // Every other view of the open round counts the same three answer sets.
    JsonObject groups = kenes.adminGet("/api/studies/steps/rounds/1/groups").bodyAsJsonObject();
    assertEquals(3, groups.getJsonObject("method").getInteger("clustered"));
    JsonArray ideas = kenes.adminGet("/api/studies/steps/rounds/1/open-answers").bodyAsJsonObject()
        .getJsonArray("items").getJsonObject(0).getJsonArray("answers");
    assertEquals(List.of("Idea 0, revised", "Idea 1", "Idea 2"),
        ideas.stream().map(a -> ((JsonObject) a).getString("text")).toList());
    List<CSVRecord> rows = csv(kenes.adminGet("/api/studies/steps/export.csv").bodyAsString());
    assertEquals(3, pseudonyms(rows, 1).size(), "the export of an open round too");
    ConsoleSession console = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
    String dashboard = console.get("/console/studies/steps/live").bodyAsString();
    assertTrue(dashboard.contains("the statistics count: <span data-field=\"counted\">3</span>"), dashboard);

    // The status list says who submitted, never when.
    String status = kenes.adminGet("/api/studies/steps/participants").bodyAsString()
        + console.get("/console/studies/steps/participants").bodyAsString()
        + kenes.adminGet("/api/studies/steps/outbox").bodyAsString();
    assertFalse(status.matches("(?s).*\\d\\d:\\d\\d.*"), status);

    JsonObject closed = kenes.adminPost("/api/studies/steps/rounds/1/close").bodyAsJsonObject();
    assertEquals(5, overall(closed, "strategy").getInteger("n"), "the close shows every answer");
    assertEquals(5, pseudonyms(csv(kenes.adminGet("/api/studies/steps/export.csv").bodyAsString()), 1).size());
  }

  private static JsonObject overall(JsonObject results, String item) {
    return DelphiLoopTest.item(results, item).getJsonObject("overall");
  }

  /** Results without the response counts, which are live. */
  private static JsonObject withoutCounts(JsonObject results) {
    JsonObject copy = results.copy();
    copy.remove("participation");
    return copy;
  }
}
