package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A finished three-round dialogue on the small study with dropouts: 18 answer round 1, the six who then leave (two
 * policy-makers, three providers, a patient) having rated "audit" low; the twelve who stay bring "audit" to consensus
 * in round 2, which their last ratings would undo; one provider leaves after round 2 and withdraws in round 3. The
 * study asks each panelist's sector (required) and years of experience: given with the participant list, but for
 * one patient who answers them on the first visit and one who gives no years. It states its aim and ethics approval
 * for the report, and nothing else. In round 2 the six who left are reminded.
 */
public final class AttritionFixture {

  public static final String[] PANELS = {
      "policy", "policy", "policy", "policy", "policy", "policy", "policy",
      "providers", "providers", "providers", "providers", "providers", "providers", "providers",
      "patients", "patients", "patients", "patients"};
  /** Who answers no round after the first, and who no round after the second. */
  public static final List<Integer> LEAVE_AFTER_1 = List.of(0, 1, 7, 8, 9, 14);
  public static final int LEAVES_AFTER_2 = 10;
  /** Round-1 audit and twinning ratings of the twelve who stay and of the six who leave, in index order. */
  public static final int[] STAYERS_AUDIT = {7, 8, 9, 7, 8, 9, 9, 8, 7, 8, 9, 7};
  public static final int[] LEAVERS_AUDIT = {2, 3, 4, 3, 2, 4};
  public static final int[] STAYERS_TWINNING = {3, 5, 7, 4, 6, 8, 5, 6, 7, 3, 5, 6};
  public static final int[] LEAVERS_TWINNING = {5, 4, 6, 7, 3, 6};
  private static final int[] AUDIT_2 = {8, 9, 7, 8, 9, 8, 7, 9, 8, 8, 7, 9};
  private static final int[] TWINNING_2 = {4, 5, 7, 5, 6, 7, 5, 6, 7, 4, 5, 6};

  public static final String[] SECTOR = {"public", "public", "public", "public", "private", "private", "private",
      "private", "private", "private", "private", "ngo", "ngo", "ngo", "ngo", "ngo", null, "public"};
  public static final Integer[] YEARS = {5, 10, 15, 20, 25, 30, 35, 1, 2, 3, 4, 5, 6, 7, 10, 20, null, null};
  /** Who answers the questions about them on the first visit, and what. */
  public static final int ANSWERS_ON_VISIT = 16;
  public static final String ATTRIBUTES = """
      attributes:
        - id: sector
          name: {en: "Sector", ru: "Сектор"}
          type: choice
          required: true
          options:
            - {id: public, text: {en: "Public", ru: "Государственный"}}
            - {id: private, text: {en: "Private", ru: "Частный"}}
            - {id: ngo, text: {en: "Non-governmental", ru: "Некоммерческий"}}
        - {id: years, name: {en: "Years of experience", ru: "Стаж, лет"}, type: number, min: 0, max: 60}
      reporting:
        aim: {en: "To agree the priorities of the quality strategy", ru: "Согласовать приоритеты стратегии качества"}
        ethics: {en: "Approved by the ethics committee, ref. 2026/17", ru: "Одобрено этическим комитетом, № 2026/17"}
      """;

  private AttritionFixture() {}

  /** Runs the three rounds and closes them; answers the tokens, in the order of {@link #PANELS}. */
  public static JsonArray run(TestKenes kenes) {
    ok(kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml") + ATTRIBUTES), 201);
    JsonArray list = new JsonArray();
    for (int i = 0; i < PANELS.length; i++) {
      JsonObject attributes = new JsonObject();
      if (SECTOR[i] != null) {
        attributes.put("sector", SECTOR[i]);
      }
      if (YEARS[i] != null) {
        attributes.put("years", YEARS[i]);
      }
      list.add(new JsonObject().put("name", "Person " + i).put("email", "p" + i + "@example.org")
          .put("panel", PANELS[i]).put("language", i % 2 == 0 ? "en" : "ru").put("attributes", attributes));
    }
    HttpResponse<Buffer> added = kenes.adminPost("/api/studies/small/participants", "application/json", list.encode());
    ok(added, 201);
    JsonArray people = added.bodyAsJsonArray();
    ok(kenes.put("/api/p/" + people.getJsonObject(ANSWERS_ON_VISIT).getString("token") + "/attributes",
        new JsonObject().put("attributes", new JsonObject().put("sector", "public").put("years", 12))), 200);
    List<Integer> stayers = IntStream.range(0, PANELS.length).filter(i -> !LEAVE_AFTER_1.contains(i))
        .boxed().toList();
    round(kenes, people, 1, IntStream.range(0, PANELS.length).boxed().toList(), i -> {
      int s = stayers.indexOf(i);
      int l = LEAVE_AFTER_1.indexOf(i);
      return Map.of("strategy", 8 + i % 2, "audit", s >= 0 ? STAYERS_AUDIT[s] : LEAVERS_AUDIT[l],
          "twinning", s >= 0 ? STAYERS_TWINNING[s] : LEAVERS_TWINNING[l], "fees", 1 + i % 2);
    });
    round(kenes, people, 2, stayers, i -> Map.of("audit", AUDIT_2[stayers.indexOf(i)],
        "twinning", TWINNING_2[stayers.indexOf(i)]), () -> ok(kenes.adminPost("/api/studies/small/reminders"), 200));
    round(kenes, people, 3, stayers.stream().filter(i -> i != LEAVES_AFTER_2).toList(),
        i -> Map.of("twinning", TWINNING_2[stayers.indexOf(i)]), () -> ok(kenes.adminPost("/api/studies/small/"
            + "participants/" + people.getJsonObject(LEAVES_AFTER_2).getString("id") + "/withdraw"), 200));
    return people;
  }

  /** Opens round n, has each of {@code who} submit their ratings (and something for every other item), closes it. */
  private static void round(TestKenes kenes, JsonArray people, int n, List<Integer> who,
      IntFunction<Map<String, Integer>> ratings) {
    round(kenes, people, n, who, ratings, () -> { });
  }

  /** As above, doing {@code meanwhile} while the round is open. */
  private static void round(TestKenes kenes, JsonArray people, int n, List<Integer> who,
      IntFunction<Map<String, Integer>> ratings, Runnable meanwhile) {
    HttpResponse<Buffer> opened = kenes.adminPost("/api/studies/small/rounds");
    ok(opened, 201);
    JsonArray items = opened.bodyAsJsonObject().getJsonArray("items");
    for (int i : who) {
      Map<String, Integer> mine = ratings.apply(i);
      JsonObject answers = new JsonObject();
      for (Object id : items) {
        answers.put((String) id, switch ((String) id) {
          case "tools" -> new JsonObject().put("ranking", new JsonArray(List.of("audit", "checklists", "pdsa")));
          case "ideas" -> new JsonObject().put("text", "Idea " + i);
          default -> new JsonObject().put("value", mine.get((String) id));
        });
      }
      ok(kenes.put("/api/p/" + people.getJsonObject(i).getString("token") + "/answers",
          new JsonObject().put("answers", answers).put("submit", true)), 200);
    }
    meanwhile.run();
    ok(kenes.adminPost("/api/studies/small/rounds/" + n + "/close"), 200);
  }

  private static void ok(HttpResponse<Buffer> response, int status) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
  }
}
