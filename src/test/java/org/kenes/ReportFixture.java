package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;

/**
 * A finished two-round dialogue for the report's tests: the small study's three panels, the patients' panel with only
 * two respondents (under minCell 3, so suppressed everywhere), comments (one of them markup), reasons for changed
 * ratings, an item added from an open answer and one retired between the rounds.
 */
public final class ReportFixture {

  /** Round-1 ratings of the twelve who submit: strategy, audit, twinning, fees. */
  public static final int[][] ROUND1 = {
      {9, 5, 7, 1}, {8, 6, 3, 2}, {9, 7, 5, 1}, {7, 4, 8, 2},
      {8, 8, 2, 1}, {9, 3, 6, 3}, {8, 5, 7, 2}, {9, 6, 4, 1}, {7, 7, 9, 2},
      {8, 2, 5, 1}, {9, 9, 6, 2}, {8, 6, 5, 1}};
  public static final String[] PANELS = {
      "policy", "policy", "policy", "policy", "policy",
      "providers", "providers", "providers", "providers", "providers",
      "patients", "patients"};
  public static final String MARKUP = "<script>alert(1)</script>";

  private ReportFixture() {}

  /** Runs both rounds on the server and closes them. */
  public static void run(TestKenes kenes) {
    kenes.createSmallStudy();
    JsonArray people = kenes.addParticipants("small", PANELS);
    ok(kenes.adminPost("/api/studies/small/rounds"), 201);
    for (int i = 0; i < ROUND1.length; i++) {
      JsonObject answers = new JsonObject()
          .put("strategy", new JsonObject().put("value", ROUND1[i][0]))
          .put("audit", new JsonObject().put("value", ROUND1[i][1]).put("comment", i == 0 ? MARKUP : "Audit note " + i))
          .put("twinning", new JsonObject().put("value", ROUND1[i][2]))
          .put("fees", new JsonObject().put("value", ROUND1[i][3]).put("comment", i == 1 ? "Платные услуги вредят" : null))
          .put("tools", new JsonObject().put("ranking", new JsonArray(i % 3 == 0
              ? List.of("audit", "pdsa", "checklists") : List.of("audit", "checklists", "pdsa"))))
          .put("ideas", new JsonObject().put("text", "Train the staff in quality improvement " + i));
      if (answers.getJsonObject("fees").getValue("comment") == null) {
        answers.getJsonObject("fees").remove("comment");
      }
      ok(kenes.put("/api/p/" + token(people, i) + "/answers", new JsonObject().put("answers", answers)
          .put("submit", true)), 200);
    }
    ok(kenes.adminPost("/api/studies/small/rounds/1/close"), 200);

    String idea = kenes.adminGet("/api/studies/small/rounds/1/open-answers").bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(0).getJsonArray("answers").getJsonObject(0).getString("id");
    ok(kenes.adminPost("/api/studies/small/items", "application/json", new JsonObject().put("id", "training")
        .put("type", "rating").put("category", "practice")
        .put("text", new JsonObject().put("en", "Training in quality improvement").put("ru", "Обучение улучшению качества"))
        .put("provenance", new JsonObject().put("change", "added").put("from", new JsonArray().add(idea))
            .put("note", "Suggested in round 1")).encode()), 201);
    ok(kenes.adminPut("/api/studies/small/items/twinning", new JsonObject()
        .put("provenance", new JsonObject().put("change", "retired").put("note", "Out of the strategy's scope"))), 200);

    ok(kenes.adminPost("/api/studies/small/rounds"), 201);
    for (int i = 0; i < ROUND1.length; i++) {
      int audit = i < 9 ? Math.min(9, ROUND1[i][1] + 1) : ROUND1[i][1];
      JsonObject answers = new JsonObject().put("audit", new JsonObject().put("value", audit))
          .put("training", new JsonObject().put("value", 7 + i % 3));
      if (ROUND1[i][1] == 6 && audit == 7) {
        answers.getJsonObject("audit").put("reason", "Reason " + i);
      }
      ok(kenes.put("/api/p/" + token(people, i) + "/answers", new JsonObject().put("answers", answers)
          .put("submit", true)), 200);
    }
    ok(kenes.adminPost("/api/studies/small/rounds/2/close"), 200);
  }

  private static void ok(HttpResponse<Buffer> response, int status) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
  }

  private static String token(JsonArray people, int i) {
    return people.getJsonObject(i).getString("token");
  }
}
