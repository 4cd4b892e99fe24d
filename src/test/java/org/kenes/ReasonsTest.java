package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API side of askReasonOnChange, and ratings kept as drafts before a point is chosen. */
class ReasonsTest {

  /** Round-1 ratings of audit: the group's median is 8 (agree), without consensus, so audit is asked again. */
  private static final int[] AUDIT = {8, 8, 8, 8, 2, 2};

  @TempDir
  Path dir;

  @Test
  @DisplayName("moving a rating away from the group needs a reason to submit; the reason reaches the round results")
  void reasonWhenMovingAway() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      JsonArray people = roundTwo(kenes, TestKenes.resource("studies/small.yaml"));
      String mover = DelphiLoopTest.token(people, 0);

      JsonObject feedback = item(kenes.get("/api/p/" + mover).bodyAsJsonObject(), "audit").getJsonObject("feedback");
      assertEquals(8, feedback.getJsonObject("yours").getInteger("value"));
      assertEquals(new JsonArray(List.of(1, 2, 3, 4, 5, 6)), feedback.getJsonArray("askReasonFor"));

      // A draft may leave the reason out; submitting may not, and stores nothing.
      assertEquals(200, save(kenes, mover, rating(5), false).statusCode());
      HttpResponse<Buffer> refused = save(kenes, mover, new JsonObject(), true);
      assertEquals(400, refused.statusCode(), refused.bodyAsString());
      assertEquals("answers.audit.reason",
          refused.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
      assertFalse(kenes.get("/api/p/" + mover).bodyAsJsonObject().getBoolean("submitted"));

      assertEquals(200, save(kenes, mover, rating(5).put("reason", "New <evidence> from the regions"), true).statusCode());
      assertEquals(new JsonObject().put("value", 5).put("reason", "New <evidence> from the regions"),
          item(kenes.get("/api/p/" + mover).bodyAsJsonObject(), "audit").getJsonObject("answer"));

      // Revising a submitted set away from the group needs a reason too; staying in the band does not.
      HttpResponse<Buffer> revised = save(kenes, mover, rating(2), false);
      assertEquals(400, revised.statusCode(), revised.bodyAsString());
      assertEquals(200, save(kenes, mover, rating(7), false).statusCode());
      assertEquals(200, save(kenes, mover, rating(4).put("reason", "New <evidence> from the regions"), false)
          .statusCode());

      // Towards the group (2 → 5 with the group at 8) needs no reason.
      assertEquals(200, save(kenes, DelphiLoopTest.token(people, 4), rating(5), true).statusCode());

      JsonObject results = kenes.adminPost("/api/studies/small/rounds/2/close").bodyAsJsonObject();
      JsonObject audit = DelphiLoopTest.item(results, "audit");
      assertEquals(new JsonArray(List.of("New <evidence> from the regions")), audit.getJsonArray("reasons"));
      assertEquals(2, audit.getJsonObject("overall").getInteger("n"));
    }
  }

  @Test
  @DisplayName("with askReasonOnChange: false no reason is asked")
  void optionOff() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      JsonArray people = roundTwo(kenes, TestKenes.resource("studies/small.yaml") + "askReasonOnChange: false\n");
      String mover = DelphiLoopTest.token(people, 0);
      assertNull(item(kenes.get("/api/p/" + mover).bodyAsJsonObject(), "audit").getJsonObject("feedback")
          .getJsonArray("askReasonFor"));
      assertEquals(200, save(kenes, mover, rating(2), true).statusCode());
    }
  }

  @Test
  @DisplayName("a comment before a rating is kept as a draft, counts nowhere, and cannot be submitted alone")
  void commentBeforeRating() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants("small", "policy", "policy", "policy");
      kenes.adminPost("/api/studies/small/rounds");
      String token = DelphiLoopTest.token(people, 0);
      JsonObject commentOnly = new JsonObject().put("comment", "Thinking about it");
      assertEquals(200, save(kenes, token, commentOnly, false).statusCode());
      assertEquals(commentOnly, item(kenes.get("/api/p/" + token).bodyAsJsonObject(), "audit").getJsonObject("answer"),
          "no value: not rated yet, which is not \"unable to rate\"");
      HttpResponse<Buffer> refused = save(kenes, token, new JsonObject(), true);
      assertEquals(400, refused.statusCode());
      assertEquals("answers.audit.value",
          refused.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
      assertEquals(200, save(kenes, token, commentOnly.copy().putNull("value"), true).statusCode());
      // Comments and reasons come with the results of the closed round.
      JsonObject audit = DelphiLoopTest.item(kenes.adminPost("/api/studies/small/rounds/1/close").bodyAsJsonObject(),
          "audit");
      assertEquals(1, audit.getJsonObject("overall").getInteger("unable"));
      assertEquals(new JsonArray(List.of("Thinking about it")), audit.getJsonArray("comments"));
      assertEquals(new JsonArray(), audit.getJsonArray("reasons"));
    }
  }

  /** The study created from {@code yaml}, round 1 answered by six people as {@link #AUDIT}, round 2 open. */
  private static JsonArray roundTwo(TestKenes kenes, String yaml) {
    assertEquals(201, kenes.adminPost("/api/studies", "application/yaml", yaml).statusCode());
    JsonArray people = kenes.addParticipants("small", "policy", "policy", "policy", "providers", "providers",
        "providers");
    kenes.adminPost("/api/studies/small/rounds");
    for (int i = 0; i < AUDIT.length; i++) {
      assertEquals(200, save(kenes, DelphiLoopTest.token(people, i), rating(AUDIT[i]), true).statusCode());
    }
    kenes.adminPost("/api/studies/small/rounds/1/close");
    HttpResponse<Buffer> opened = kenes.adminPost("/api/studies/small/rounds");
    assertTrue(opened.bodyAsJsonObject().getJsonArray("items").contains("audit"), opened.bodyAsString());
    return people;
  }

  private static JsonObject rating(int value) {
    return new JsonObject().put("value", value);
  }

  private static HttpResponse<Buffer> save(TestKenes kenes, String token, JsonObject audit, boolean submit) {
    JsonObject answers = audit.isEmpty() ? new JsonObject() : new JsonObject().put("audit", audit);
    return kenes.put("/api/p/" + token + "/answers", new JsonObject().put("answers", answers).put("submit", submit));
  }

  private static JsonObject item(JsonObject questionnaire, String id) {
    return questionnaire.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("id").equals(id)).findFirst().orElseThrow();
  }
}
