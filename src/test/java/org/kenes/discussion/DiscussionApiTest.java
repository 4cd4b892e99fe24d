package org.kenes.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.ConsoleSession;
import org.kenes.TestKenes;

/** The discussion of an item through the JSON API: posts, replies, agreements, labels, and what is refused. */
class DiscussionApiTest {

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

  private static JsonObject text(String text) {
    return new JsonObject().put("text", text);
  }

  @Test
  @DisplayName("a post and a reply appear under the item, labelled 'you' for their author, by panel for a panel large "
      + "enough, and 'a participant' for a small panel and the panel that would reveal it")
  void postsAndLabels() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "talk-labels", "always");
    String top = f.posted(0, "strategy", text("A strategy aligns the regions").put("tag", "for"));
    f.posted(4, "strategy", text("Who pays for it?").put("tag", "question").put("parent", top));
    f.posted(7, "strategy", text("Patients were not asked").put("tag", "against"));

    JsonObject seenByPolicy = f.read(2, "strategy");
    assertTrue(seenByPolicy.getBoolean("accepting"));
    assertEquals(2, seenByPolicy.getJsonArray("posts").size());
    JsonObject first = seenByPolicy.getJsonArray("posts").getJsonObject(0);
    assertEquals("panel", first.getString("author"));
    assertEquals("policy", first.getString("panel"));
    assertEquals("Policy-makers", first.getString("panelName"));
    assertEquals("for", first.getString("tag"));
    JsonObject reply = first.getJsonArray("replies").getJsonObject(0);
    assertEquals("participant", reply.getString("author"), "providers are withheld: the lone patient would show");
    assertNull(reply.getString("panel"));
    JsonObject patient = seenByPolicy.getJsonArray("posts").getJsonObject(1);
    assertEquals("participant", patient.getString("author"));
    assertNull(patient.getString("panel"));

    JsonObject seenByAuthor = f.read(0, "strategy");
    assertEquals("you", seenByAuthor.getJsonArray("posts").getJsonObject(0).getString("author"));
    assertEquals(0, f.read(1, "audit").getJsonArray("posts").size(), "each item has its own thread");
  }

  @Test
  @DisplayName("the same post sent twice is one post, and agreeing twice counts once")
  void idempotent() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "talk-twice", "always");
    String once = f.posted(0, "audit", text("Audit works").put("tag", "evidence"));
    assertEquals(once, f.posted(0, "audit", text("Audit works").put("tag", "evidence")));
    assertEquals(204, f.agree(1, "audit", once).statusCode());
    assertEquals(204, f.agree(1, "audit", once).statusCode());
    assertEquals(204, f.agree(2, "audit", once).statusCode());
    JsonObject post = f.read(1, "audit").getJsonArray("posts").getJsonObject(0);
    assertEquals(2, post.getInteger("agreements"));
    assertTrue(post.getBoolean("agreed"));
    assertFalse(f.read(3, "audit").getJsonArray("posts").getJsonObject(0).getBoolean("agreed"));
    assertEquals(1, f.read(3, "audit").getJsonArray("posts").size());
  }

  private static void refused(HttpResponse<Buffer> r, int status, String field) {
    assertEquals(status, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    boolean named = body.getJsonArray("details", new JsonArray()).stream()
        .anyMatch(d -> field.equals(((JsonObject) d).getString("path"))) || body.getString("error").startsWith(field);
    assertTrue(named, "the answer names " + field + ": " + body.encode());
  }

  @Test
  @DisplayName("a post too long, empty, with an unknown tag, to an unknown item, replying to a reply or to a hidden post "
      + "is refused with a 4xx naming the field, and nothing is stored")
  void badInput() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "talk-bad", "always");
    refused(f.post(0, "fees", text("x".repeat(DiscussionService.MAX_TEXT + 1))), 400, "text");
    refused(f.post(0, "fees", text("   ")), 400, "text");
    refused(f.post(0, "fees", new JsonObject().put("text", 7)), 400, "text");
    refused(f.post(0, "fees", text("Fine").put("tag", "maybe")), 400, "tag");
    refused(f.post(0, "no-such-item", text("Fine")), 404, "item");
    refused(f.post(0, "fees", text("Fine").put("parent", "p-0000")), 400, "parent");
    String top = f.posted(0, "fees", text("Fees deter the poor").put("tag", "against"));
    String reply = f.posted(1, "fees", text("Not if waived").put("parent", top));
    refused(f.post(2, "fees", text("Deeper").put("parent", reply)), 400, "parent");
    String hidden = f.posted(3, "fees", text("Soon hidden"));
    kenes.adminPost("/api/studies/" + f.study + "/discussion/fees/posts/" + hidden + "/hide", "application/json",
        new JsonObject().put("reason", "Rude").encode());
    refused(f.post(2, "fees", text("To a hidden post").put("parent", hidden)), 400, "parent");
    refused(f.agree(0, "fees", top), 400, "post");
    refused(f.agree(1, "fees", "p-unknown"), 400, "post");
    assertEquals(2, f.read(0, "fees").getJsonArray("posts").size());
    assertEquals(1, f.read(0, "fees").getJsonArray("posts").getJsonObject(0).getJsonArray("replies").size());
    assertEquals(0, f.read(0, "fees").getJsonArray("posts").getJsonObject(0).getInteger("agreements"));
  }

  @Test
  @DisplayName("a study without discussion refuses threads with 409 naming 'discussion'; a closed thread refuses posts "
      + "with 409 naming 'thread' and is still read")
  void offAndClosed() {
    DiscussionFixture off = DiscussionFixture.create(kenes, "talk-off", "off");
    refused(off.post(0, "strategy", text("Hello")), 409, "discussion");
    refused(kenes.get(off.thread(0, "strategy")), 409, "discussion");

    DiscussionFixture f = DiscussionFixture.create(kenes, "talk-closed", "always");
    f.posted(0, "strategy", text("Before closing"));
    kenes.services().discussions().posts().close(f.study, "strategy", true).await();
    refused(f.post(1, "strategy", text("After closing")), 409, "thread");
    JsonObject thread = f.read(1, "strategy");
    assertTrue(thread.getBoolean("closed"));
    assertFalse(thread.getBoolean("accepting"));
    assertEquals(1, thread.getJsonArray("posts").size());
  }

  @Test
  @DisplayName("'between-rounds' takes posts only once a round has closed and while none is open")
  void betweenRounds() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "talk-between", "between-rounds");
    refused(f.post(0, "strategy", text("Too early")), 409, "discussion");
    f.openRound();
    refused(f.post(0, "strategy", text("During the round")), 409, "discussion");
    f.closeRound(1);
    f.posted(0, "strategy", text("Between rounds"));
    f.openRound();
    assertFalse(f.read(1, "strategy").getBoolean("accepting"));
    assertEquals(1, f.read(1, "strategy").getJsonArray("posts").size(), "a thread is read during a round");
  }

  @Test
  @DisplayName("a panelist who posts more than the limit within an hour is answered 429")
  void rateLimit() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "talk-rate", "always");
    for (int i = 0; i < DiscussionService.MAX_POSTS; i++) {
      f.posted(0, "twinning", text("Argument " + i));
    }
    assertEquals(429, f.post(0, "twinning", text("One too many")).statusCode());
    f.posted(1, "twinning", text("Another person may still post"));
  }

  @Test
  @DisplayName("no thread shows a participant's id, name, email or link, and a post's id does not contain its author's")
  void anonymous() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "talk-anon", "always");
    String post = f.posted(0, "strategy", text("An argument"));
    f.posted(1, "strategy", text("A reply").put("parent", post));
    f.agree(2, "strategy", post);
    for (int reader = 0; reader < DiscussionFixture.PANELS.length; reader++) {
      String seen = kenes.get(f.thread(reader, "strategy")).bodyAsString()
          + kenes.get("/p/" + f.token(reader) + "/items/strategy/thread").bodyAsString();
      for (int author = 0; author < 3; author++) {
        assertFalse(seen.contains(f.id(author)), "participant id of " + author);
        assertFalse(author != reader && seen.contains(f.token(author)), "link of " + author);
        assertFalse(seen.contains("Person " + author), "name of " + author);
        assertFalse(seen.contains("p" + author + "@example.org"), "email of " + author);
      }
    }
  }

  @Test
  @DisplayName("neither the export, the moderation API and page, the audit nor the live stream's events show who wrote "
      + "a post; the author's own data lists their posts")
  void anonymousElsewhere() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "talk-anon-all", "always");
    f.openRound();
    String post = f.posted(0, "strategy", text("An argument").put("tag", "for"));
    f.posted(4, "strategy", text("A reply").put("parent", post));
    f.posted(7, "audit", text("A small panel's post"));
    f.agree(2, "strategy", post);
    kenes.adminPost("/api/studies/" + f.study + "/discussion/strategy/posts/" + post + "/pin", "application/json", "{}");
    ConsoleSession admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
    String seen = kenes.adminGet("/api/studies/" + f.study + "/export.csv").bodyAsString()
        + kenes.adminGet("/api/studies/" + f.study + "/discussion").bodyAsString()
        + kenes.adminGet("/api/studies/" + f.study + "/audit").bodyAsString()
        + admin.get("/console/studies/" + f.study + "/discussion").bodyAsString();
    assertTrue(seen.contains("An argument") && seen.contains("discussion.post.pin"));
    for (int author : new int[] {0, 4, 7}) {
      assertFalse(seen.contains(f.id(author)), "participant id of " + author);
      assertFalse(seen.contains(f.token(author)), "link of " + author);
      assertFalse(seen.contains("Person " + author), "name of " + author);
      assertFalse(seen.contains("p" + author + "@example.org"), "email of " + author);
    }
    JsonObject own = kenes.get("/api/p/" + f.token(0) + "/me").bodyAsJsonObject();
    assertEquals("An argument", own.getJsonArray("posts").getJsonObject(0).getString("text"));
    assertTrue(kenes.get("/p/" + f.token(0) + "/me?lang=en").bodyAsString().contains("Your posts in the discussion"));
  }

  @Test
  @DisplayName("erasing a panelist removes their posts and agreements; others' replies stay")
  void erasure() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "talk-erase", "always");
    String mine = f.posted(0, "audit", text("Mine"));
    String theirs = f.posted(1, "audit", text("Theirs"));
    f.agree(0, "audit", theirs);
    f.posted(1, "audit", text("A reply to mine").put("parent", mine));
    HttpResponse<Buffer> erased = kenes.vertxClient().delete("/api/studies/" + f.study + "/participants/" + f.id(0))
        .bearerTokenAuthentication(TestKenes.ADMIN).send().await();
    assertEquals(200, erased.statusCode(), erased.bodyAsString());
    var mongo = kenes.services().store().client();
    JsonObject byThem = new JsonObject().put("participant", f.id(0));
    assertEquals(0L, mongo.count("posts", byThem).await());
    assertEquals(0L, mongo.count("postVotes", byThem).await());
    assertEquals(1L, mongo.count("posts", new JsonObject().put("study", f.study).put("parent", mine)).await());
  }
}
