package org.kenes.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;

/** The discussion's pages without JavaScript: plain forms answered by 303, refusals shown on the page as typed. */
class DiscussionPagesTest {

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

  private static String page(DiscussionFixture f, int person, String item) {
    HttpResponse<Buffer> r = kenes.get("/p/" + f.token(person) + "/items/" + item + "/thread?lang=en");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsString();
  }

  private static HttpResponse<Buffer> form(DiscussionFixture f, int person, String path, String... fields) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("lang", "en");
    for (int i = 0; i < fields.length; i += 2) {
      form.add(fields[i], fields[i + 1]);
    }
    return kenes.postForm("/p/" + f.token(person) + "/items/" + path, form);
  }

  @Test
  @DisplayName("each question of the open round links to its thread; posting, replying and agreeing by form answer "
      + "303 back to the thread, which shows them with 'you' for one's own")
  void postReplyAgree() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "pages-flow", "always");
    f.openRound();
    String questionnaire = kenes.get("/p/" + f.token(0) + "?lang=en").bodyAsString();
    assertTrue(questionnaire.contains("/p/" + f.token(0) + "/items/strategy/thread?lang&#x3D;en"), questionnaire);
    assertTrue(questionnaire.contains("Discussion of this question (no posts yet)"));

    HttpResponse<Buffer> posted = form(f, 0, "strategy/thread", "text", "Regions <b>need</b> it", "tag", "for");
    assertEquals(303, posted.statusCode(), posted.bodyAsString());
    assertTrue(posted.getHeader("Location").contains("/items/strategy/thread?lang=en&done=posted#post-p-"));
    String mine = page(f, 0, "strategy");
    assertTrue(mine.contains("Your post was added") || mine.contains("Regions &lt;b&gt;need&lt;/b&gt; it"));
    assertTrue(mine.contains("Regions &lt;b&gt;need&lt;/b&gt; it"), "typed text is escaped");
    assertFalse(mine.contains("<b>need</b>"));
    assertTrue(mine.contains(">you</span>"));
    String post = mine.replaceAll("(?s).*id=\"post-(p-[0-9a-f]+)\".*", "$1");

    assertEquals(303, form(f, 2, "strategy/thread", "text", "Which regions?", "parent", post).statusCode());
    assertEquals(303, form(f, 2, "strategy/thread/agree", "post", post).statusCode());
    String other = page(f, 2, "strategy");
    assertTrue(other.contains(">Policy-makers</span>"), "the author's panel, large enough");
    assertTrue(other.contains("1 person agrees"));
    assertTrue(other.contains("you agree"));
    assertTrue(other.contains("Which regions?"));
    assertTrue(kenes.get("/p/" + f.token(0) + "?lang=en").bodyAsString()
        .contains("Discussion of this question (2 posts)"));
  }

  @Test
  @DisplayName("a refused form shows the thread again with the reason and the text as typed: too long or an unknown "
      + "tag 400, a closed thread 409")
  void refusedForms() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "pages-refused", "always");
    String tooLong = "y".repeat(DiscussionService.MAX_TEXT + 1);
    HttpResponse<Buffer> r = form(f, 0, "audit/thread", "text", tooLong);
    assertEquals(400, r.statusCode());
    assertTrue(r.bodyAsString().contains("at most 2000 characters"), r.bodyAsString());
    assertTrue(r.bodyAsString().contains(tooLong), "the text as typed");
    HttpResponse<Buffer> tag = form(f, 0, "audit/thread", "text", "Fine", "tag", "maybe");
    assertEquals(400, tag.statusCode());
    assertTrue(tag.bodyAsString().contains("must be one of for, against, question, evidence"));
    kenes.services().discussions().posts().close(f.study, "audit", true).await();
    HttpResponse<Buffer> closed = form(f, 0, "audit/thread", "text", "Late");
    assertEquals(409, closed.statusCode());
    assertTrue(closed.bodyAsString().contains("closed this discussion"));
    assertFalse(closed.bodyAsString().contains("name=\"text\""), "a closed thread offers no form");
    assertEquals(404, kenes.get("/p/" + f.token(0) + "/items/nothing/thread").statusCode());
  }

  @Test
  @DisplayName("between rounds the panelist's page lists the last round's questions to discuss")
  void betweenRounds() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "pages-between", "between-rounds");
    f.openRound();
    f.closeRound(1);
    String home = kenes.get("/p/" + f.token(1) + "?lang=en").bodyAsString();
    assertTrue(home.contains("Discuss the questions with the other panelists"), home);
    assertTrue(home.contains("/p/" + f.token(1) + "/items/fees/thread?lang&#x3D;en"));
    assertEquals(303, form(f, 1, "fees/thread", "text", "Fees deter the poor", "tag", "against").statusCode());
  }
}
