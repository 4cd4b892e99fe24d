package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/studies/{id}/rounds/{n}/groups on a round with two planted camps that cut across the panels. */
public class GroupsApiTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("two camps across the panels are found, the items that divide them named, and no one's membership shown")
  void campsAcrossPanels() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      String[] panels = new String[24];
      for (int i = 0; i < panels.length; i++) {
        panels[i] = i % 2 == 0 ? "policy" : "providers";
      }
      JsonArray people = answerInTwoCamps(kenes, panels);
      var response = kenes.adminGet("/api/studies/small/rounds/1/groups");
      assertEquals(200, response.statusCode(), response.bodyAsString());
      JsonObject groups = response.bodyAsJsonObject();
      assertEquals(2, groups.getInteger("k"), groups.encodePrettily());
      assertTrue(groups.getBoolean("provisional"));
      JsonArray sizes = new JsonArray(groups.getJsonArray("groups").stream()
          .map(g -> ((JsonObject) g).getInteger("size")).toList());
      assertEquals(new JsonArray().add(12).add(12), sizes);
      groups.getJsonArray("groups").forEach(g -> assertEquals(6, ((JsonObject) g).getJsonObject("panels")
          .getInteger("policy"), "each camp spans both panels"));
      assertTrue(groups.getJsonArray("divides").contains("audit"));
      assertTrue(groups.getJsonArray("divides").contains("twinning"));
      assertEquals(new JsonArray(), groups.getJsonArray("unites"), "nothing unites these camps");
      assertEquals(24, groups.getJsonArray("map").size());
      String body = response.bodyAsString();
      for (int i = 0; i < people.size(); i++) {
        assertFalse(body.contains(people.getJsonObject(i).getString("id")), "no pseudonym in the groups");
      }
      assertEquals(groups, kenes.adminGet("/api/studies/small/rounds/1/groups").bodyAsJsonObject(),
          "the same answers give the same groups");
      assertEquals(401, kenes.get("/api/studies/small/rounds/1/groups").statusCode());

      String report = kenes.adminGet("/studies/small/report").bodyAsString();
      assertTrue(report.contains("id=\"opinion\"") && report.contains("2 opinion groups among 24 panelists"), report);
      assertTrue(report.contains("Map of panelists by their ratings"), "the report has the map");
      String russian = kenes.adminGet("/studies/small/report?lang=ru").bodyAsString();
      assertTrue(russian.contains("Групп мнений: 2, участников: 24"), "the report's section in Russian");
      var pdf = kenes.adminGet("/api/studies/small/report.pdf");
      assertEquals(200, pdf.statusCode(), "the PDF renders the map too");

      String page = ConsoleSession.login(kenes, null, TestKenes.ADMIN).get("/console/studies/small/groups")
          .bodyAsString();
      assertTrue(page.contains("<strong>2 opinion groups</strong>"), page);
      assertTrue(page.contains("<svg") && page.contains("Map of panelists by their ratings"), "the map is drawn");
      assertTrue(page.contains("Twinning partnerships"), "what divides the groups is named");
      for (int i = 0; i < people.size(); i++) {
        assertFalse(page.contains(people.getJsonObject(i).getString("id")), "no pseudonym on the page");
      }
    }
  }

  /** The small study's round 1, answered by two camps of equal size that cut across the panels given. */
  public static JsonArray answerInTwoCamps(TestKenes kenes, String[] panels) {
    JsonArray people = kenes.addParticipants("small", panels);
    kenes.adminPost("/api/studies/small/rounds");
    Random random = new Random(7);
    for (int i = 0; i < people.size(); i++) {
      boolean reformer = i % 4 < 2;
      JsonObject answers = new JsonObject()
          .put("strategy", rating(reformer ? 7 + random.nextInt(3) : 1 + random.nextInt(3)))
          .put("audit", rating(reformer ? 7 + random.nextInt(3) : 1 + random.nextInt(3)))
          .put("twinning", rating(reformer ? 1 + random.nextInt(3) : 7 + random.nextInt(3)))
          .put("fees", rating(reformer ? 1 + random.nextInt(3) : 7 + random.nextInt(3)));
      assertEquals(200, kenes.put("/api/p/" + DelphiLoopTest.token(people, i) + "/answers",
          new JsonObject().put("answers", answers).put("submit", true)).statusCode());
    }
    return people;
  }

  private static JsonObject rating(int value) {
    return new JsonObject().put("value", value);
  }
}
