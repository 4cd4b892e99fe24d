package org.kenes.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestClock;
import org.kenes.TestKenes;

/** Telling panelists of replies to their posts: asked for by form or API, one digest a day at most, in the outbox. */
class ReplyDigestTest {

  @TempDir
  static Path dir;
  private static final TestClock CLOCK = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
  private static TestKenes kenes;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"), TestKenes.emptyFolder(dir.resolve("data")), Map.of(), CLOCK);
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static JsonObject text(String text) {
    return new JsonObject().put("text", text);
  }

  private static List<JsonObject> digests(DiscussionFixture f) {
    HttpResponse<Buffer> r = kenes.adminGet("/api/studies/" + f.study + "/outbox");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(m -> "replies".equals(m.getString("kind"))).toList();
  }

  private static HttpResponse<Buffer> notify(DiscussionFixture f, int person, Object on) {
    return kenes.vertxClient().put("/api/p/" + f.token(person) + "/discussion/notify")
        .sendJsonObject(new JsonObject().put("replies", on)).await();
  }

  @Test
  @DisplayName("a panelist who asked is told of others' replies to their posts in one message a day at most, saying how "
      + "many and nothing of who or what, in their language")
  void oneDigestADay() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "digest-day", "always");
    String mine = f.posted(0, "strategy", text("My argument"));
    assertEquals(200, notify(f, 0, true).statusCode());
    assertTrue(f.read(0, "strategy").getBoolean("notify"));
    CLOCK.advance(Duration.ofMinutes(1));
    f.posted(2, "strategy", text("Secret reply text").put("parent", mine));
    f.posted(4, "strategy", text("Another reply").put("parent", mine));
    f.posted(0, "strategy", text("My own reply does not count").put("parent", mine));
    f.posted(6, "strategy", text("A post of its own"));
    kenes.services().digests().run().await();
    List<JsonObject> sent = digests(f);
    assertEquals(1, sent.size(), sent.toString());
    JsonObject mail = sent.get(0);
    assertEquals("p0@example.org", mail.getString("to"));
    assertTrue(mail.getString("body").contains("2 new replies"), mail.getString("body"));
    assertFalse(mail.getString("body").contains("Secret reply text"));
    assertFalse(mail.getString("body").contains("Person 2"));

    CLOCK.advance(Duration.ofMinutes(1));
    f.posted(2, "strategy", text("A third reply, the same day").put("parent", mine));
    kenes.services().digests().run().await();
    assertEquals(1, digests(f).size(), "one message a day at most");

    CLOCK.advance(Duration.ofDays(1));
    kenes.services().digests().run().await();
    assertEquals(2, digests(f).size(), "the next day tells the reply that came after the first message");
    kenes.services().digests().run().await();
    assertEquals(2, digests(f).size(), "nothing new: nothing sent");
  }

  @Test
  @DisplayName("the thread page's form asks for the digest and stops it, each answered by 303; the API refuses a "
      + "value that is not true or false naming 'replies'; erasure forgets the wish")
  void formAndErasure() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "digest-form", "always");
    String page = "/p/" + f.token(1) + "/items/audit/thread";
    HttpResponse<Buffer> on = kenes.postForm(page + "/notify", MultiMap.caseInsensitiveMultiMap()
        .add("replies", "true").add("lang", "en"));
    assertEquals(303, on.statusCode(), on.bodyAsString());
    assertTrue(kenes.get(page + "?lang=en").bodyAsString().contains("Stop the emails about replies"));
    assertEquals(303, kenes.postForm(page + "/notify", MultiMap.caseInsensitiveMultiMap().add("replies", "false")
        .add("lang", "en")).statusCode());
    assertTrue(kenes.get(page + "?lang=en").bodyAsString().contains("Email me when someone replies"));
    HttpResponse<Buffer> bad = notify(f, 1, "yes");
    assertEquals(400, bad.statusCode());
    assertEquals("replies", bad.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));

    assertEquals(200, notify(f, 1, true).statusCode());
    assertEquals(200, kenes.vertxClient().delete("/api/studies/" + f.study + "/participants/" + f.id(1))
        .bearerTokenAuthentication(TestKenes.ADMIN).send().await().statusCode());
    assertEquals(0L, kenes.services().store().client().count("replyWatches",
        new JsonObject().put("participant", f.id(1))).await());
  }
}
