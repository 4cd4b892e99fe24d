package org.kenes.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;

/** The report's Discussion section per item: counts, the most agreed arguments, the moderators' summary. */
class ReportDiscussionTest {

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

  @Test
  @DisplayName("the report (JSON and page) sums up each discussed item: posts, replies, agreements, hidden posts "
      + "counted not quoted, the most agreed arguments and the pinned summary; held posts nowhere, nor who wrote what")
  void section() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "report-talk", "always");
    f.openRound();
    String pro = f.posted(0, "strategy", new JsonObject().put("text", "Aligns the regions").put("tag", "for"));
    f.posted(4, "strategy", new JsonObject().put("text", "Costs too much").put("tag", "against"));
    f.posted(2, "strategy", new JsonObject().put("text", "Which regions?").put("parent", pro));
    String summary = f.posted(1, "strategy", new JsonObject().put("text", "Summary: broad support"));
    String rude = f.posted(3, "strategy", new JsonObject().put("text", "A rude remark"));
    f.agree(5, "strategy", pro);
    f.agree(6, "strategy", pro);
    String base = "/api/studies/" + f.study + "/discussion/strategy/posts/";
    kenes.adminPost(base + summary + "/pin", "application/json", "{}");
    kenes.adminPost(base + rude + "/hide", "application/json", new JsonObject().put("reason", "Rude").encode());
    kenes.adminPut("/api/studies/" + f.study + "/discussion-words/en", new JsonObject()
        .put("words", new JsonArray().add("secret")));
    f.posted(6, "strategy", new JsonObject().put("text", "A secret held"));

    JsonArray discussion = kenes.adminGet("/api/studies/" + f.study + "/report").bodyAsJsonObject()
        .getJsonArray("discussion");
    assertEquals(1, discussion.size(), discussion.encode());
    JsonObject item = discussion.getJsonObject(0);
    assertEquals("strategy", item.getString("item"));
    assertEquals(3, item.getInteger("posts"));
    assertEquals(1, item.getInteger("replies"));
    assertEquals(2, item.getInteger("agreements"));
    assertEquals(1, item.getInteger("hidden"));
    assertEquals("Aligns the regions", item.getJsonArray("for").getJsonObject(0).getString("text"));
    assertEquals(new JsonArray().add("Summary: broad support"), item.getJsonArray("summaries"));

    String page = kenes.adminGet("/studies/" + f.study + "/report?lang=en").bodyAsString();
    assertTrue(page.contains("id=\"discussion\""), page);
    assertTrue(page.contains("3 posts, 1 reply, 2 agreements; 1 post hidden by the moderators."));
    assertTrue(page.contains("Summary: broad support") && page.contains("Aligns the regions"));
    assertFalse(page.contains("A rude remark") || page.contains("A secret held"));
    for (int i = 0; i < DiscussionFixture.PANELS.length; i++) {
      assertFalse(page.contains(f.id(i)) || page.contains(f.token(i)) || page.contains("Person " + i));
    }
  }
}
