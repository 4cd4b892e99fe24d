package org.kenes.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;

/** The next round's feedback for an item shows the discussion's three most agreed arguments for and against. */
class ArgumentsFeedbackTest {

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

  private static String argue(DiscussionFixture f, int author, String tag, String text, int agreeing) {
    String post = f.posted(author, "strategy", new JsonObject().put("text", text).put("tag", tag));
    for (int i = 0; i < agreeing; i++) {
      assertEquals(204, f.agree((author + 1 + i) % DiscussionFixture.PANELS.length, "strategy", post).statusCode());
    }
    return post;
  }

  @Test
  @DisplayName("round 2's feedback of an item lists its three most agreed arguments for and its most agreed against, "
      + "most agreed first, without arguments nobody agrees with, hidden ones or who wrote them; JSON and page")
  void topThree() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "args-top", "always");
    f.openRound();
    argue(f, 0, "for", "For, agreed by one", 1);
    argue(f, 1, "for", "For, agreed by four", 4);
    argue(f, 2, "for", "For, agreed by two", 2);
    argue(f, 3, "for", "For, agreed by three", 3);
    argue(f, 4, "for", "For, agreed by nobody", 0);
    String hidden = argue(f, 5, "against", "Against, hidden", 5);
    argue(f, 6, "against", "Against, agreed by two", 2);
    argue(f, 7, "question", "A question, agreed by five", 5);
    assertEquals(200, kenes.adminPost("/api/studies/" + f.study + "/discussion/strategy/posts/" + hidden + "/hide",
        "application/json", new JsonObject().put("reason", "Off topic").encode()).statusCode());
    f.closeRound(1);
    f.openRound();

    JsonObject q = kenes.get("/api/p/" + f.token(0) + "?lang=en").bodyAsJsonObject();
    JsonObject item = q.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> "strategy".equals(i.getString("id"))).findFirst().orElseThrow();
    JsonObject arguments = item.getJsonObject("feedback").getJsonObject("arguments");
    JsonArray pro = arguments.getJsonArray("for");
    assertEquals(3, pro.size(), arguments.encode());
    assertEquals("For, agreed by four", pro.getJsonObject(0).getString("text"));
    assertEquals(4, pro.getJsonObject(0).getInteger("agreements"));
    assertEquals("For, agreed by three", pro.getJsonObject(1).getString("text"));
    assertEquals("For, agreed by two", pro.getJsonObject(2).getString("text"));
    assertEquals(1, arguments.getJsonArray("against").size());
    assertEquals("Against, agreed by two", arguments.getJsonArray("against").getJsonObject(0).getString("text"));
    assertEquals(Set.of("text", "agreements"), pro.getJsonObject(0).fieldNames());

    String page = kenes.get("/p/" + f.token(0) + "?lang=en").bodyAsString();
    assertTrue(page.contains("most agreed arguments"), page);
    assertTrue(page.contains("For, agreed by four"));
    assertFalse(page.contains("Against, hidden"));
    assertFalse(page.contains("A question, agreed by five"));
  }
}
