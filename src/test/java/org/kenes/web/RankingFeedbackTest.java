package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.kenes.TestKenes;

/** A ranking asked again under {@code carryForward: all}, with the group's answer of the round before. */
class RankingFeedbackTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("round 2 shows a ranking in the group's order with the panelist's own ranks and escaped comments")
  void rankingFeedback() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      String yaml = TestKenes.resource("studies/small.yaml").replace("carryForward: no-consensus", "carryForward: all");
      assertEquals(201, kenes.adminPost("/api/studies", "application/yaml", yaml).statusCode());
      JsonArray people = kenes.addParticipants("small", "policy", "policy", "policy", "providers");
      kenes.adminPost("/api/studies/small/rounds");
      for (int i = 0; i < people.size(); i++) {
        List<String> order = i == 0 ? List.of("audit", "pdsa", "checklists") : List.of("pdsa", "checklists", "audit");
        JsonObject answers = new JsonObject()
            .put("tools", new JsonObject().put("ranking", new JsonArray(order)).put("comment", "<i>why</i> " + i));
        kenes.put("/api/p/" + token(people, i) + "/answers",
            new JsonObject().put("answers", answers).put("submit", true));
      }
      kenes.adminPost("/api/studies/small/rounds/1/close");
      assertEquals(201, kenes.adminPost("/api/studies/small/rounds").statusCode());

      HttpResponse<Buffer> api = kenes.get("/api/p/" + token(people, 0));
      assertEquals(200, api.statusCode(), api.bodyAsString());
      JsonObject tools = api.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast)
          .filter(i -> "tools".equals(i.getString("id"))).findFirst().orElseThrow();
      assertEquals(new JsonArray(List.of("audit", "pdsa", "checklists")),
          tools.getJsonObject("feedback").getJsonObject("yours").getJsonArray("ranking"));

      String page = kenes.get("/p/" + token(people, 0)).bodyAsString();
      String section = page.substring(page.indexOf("id=\"item-tools\""));
      section = section.substring(0, section.indexOf("</section>"));
      assertTrue(section.contains("In round 1, 4 panelists ranked the options."), section);
      int pdsa = section.indexOf("<th scope=\"row\">PDSA cycles</th><td>1.25</td><td>2</td>");
      int checklists = section.indexOf("<th scope=\"row\">Checklists</th><td>2.25</td><td>3</td>");
      int audit = section.indexOf("<th scope=\"row\">Audit</th><td>2.5</td><td>1</td>");
      assertTrue(pdsa > 0 && checklists > pdsa && audit > checklists, "the group's order, with the own ranks: " + section);
      assertTrue(section.contains("&lt;i&gt;why&lt;/i&gt; 1"), "comments escaped");
    }
  }

  private static String token(JsonArray people, int i) {
    return people.getJsonObject(i).getString("token");
  }
}
