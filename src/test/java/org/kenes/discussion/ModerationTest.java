package org.kenes.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.ConsoleSession;
import org.kenes.TestKenes;

/** Moderating the discussion through the API and the console's forms: hide, pin, close, word lists, the audit. */
class ModerationTest {

  @TempDir
  static Path dir;
  private static TestKenes kenes;
  private static ConsoleSession admin;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
    admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static JsonObject text(String text) {
    return new JsonObject().put("text", text);
  }

  private static HttpResponse<Buffer> act(DiscussionFixture f, String path, JsonObject body) {
    return kenes.adminPost("/api/studies/" + f.study + "/discussion/" + path, "application/json", body.encode());
  }

  @Test
  @DisplayName("a hidden post shows the moderators' reason in its place everywhere panelists read it, and nowhere its "
      + "text; shown again it is back; a hide without a reason is refused naming 'reason'")
  void hide() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "mod-hide", "always");
    String post = f.posted(0, "strategy", text("Minister Ivanov is corrupt"));
    HttpResponse<Buffer> noReason = act(f, "strategy/posts/" + post + "/hide", new JsonObject());
    assertEquals(400, noReason.statusCode());
    assertEquals("reason", noReason.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
    assertEquals(200, act(f, "strategy/posts/" + post + "/hide", new JsonObject().put("reason", "Names a person"))
        .statusCode());
    JsonObject seen = f.read(2, "strategy").getJsonArray("posts").getJsonObject(0);
    assertTrue(seen.getBoolean("hidden"));
    assertNull(seen.getString("text"));
    assertEquals("Names a person", seen.getString("reason"));
    String page = kenes.get("/p/" + f.token(2) + "/items/strategy/thread?lang=en").bodyAsString();
    assertTrue(page.contains("Hidden by the moderators: Names a person"));
    assertFalse(page.contains("Ivanov"));
    assertFalse(kenes.get(f.thread(0, "strategy")).bodyAsString().contains("Ivanov"), "its author too sees the reason");
    assertEquals(200, act(f, "strategy/posts/" + post + "/show", new JsonObject()).statusCode());
    assertEquals("Minister Ivanov is corrupt", f.read(2, "strategy").getJsonArray("posts").getJsonObject(0)
        .getString("text"));
  }

  @Test
  @DisplayName("a pinned summary comes first; a reply cannot be pinned; a closed thread takes no post until opened")
  void pinAndClose() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "mod-pin", "always");
    String first = f.posted(0, "audit", text("First"));
    String summary = f.posted(1, "audit", text("Summary: most agree audit helps"));
    String reply = f.posted(2, "audit", text("Reply").put("parent", first));
    assertEquals(200, act(f, "audit/posts/" + summary + "/pin", new JsonObject()).statusCode());
    assertEquals(400, act(f, "audit/posts/" + reply + "/pin", new JsonObject()).statusCode());
    JsonObject top = f.read(3, "audit").getJsonArray("posts").getJsonObject(0);
    assertEquals(summary, top.getString("id"));
    assertTrue(top.getBoolean("pinned"));
    assertEquals(200, act(f, "audit/close", new JsonObject()).statusCode());
    assertEquals(409, f.post(3, "audit", text("Late")).statusCode());
    assertEquals(200, act(f, "audit/open", new JsonObject()).statusCode());
    assertEquals(201, f.post(3, "audit", text("Open again")).statusCode());
    assertEquals(404, act(f, "nothing/close", new JsonObject()).statusCode());
    assertEquals(400, act(f, "audit/explode", new JsonObject()).statusCode());
  }

  @Test
  @DisplayName("a post with a word of a list is held: its author sees it waiting, others do not, moderators do; "
      + "released it appears")
  void wordList() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "mod-words", "always");
    HttpResponse<Buffer> set = kenes.adminPut("/api/studies/" + f.study + "/discussion-words/ru",
        new JsonObject().put("words", new JsonArray().add("спам*").add("Idiot")));
    assertEquals(200, set.statusCode(), set.bodyAsString());
    assertEquals(400, kenes.adminPut("/api/studies/" + f.study + "/discussion-words/de",
        new JsonObject().put("words", new JsonArray().add("x"))).statusCode());
    String held = f.posted(0, "fees", text("Only an idiot charges fees"));
    String spam = f.posted(0, "fees", text("Спамеры везде"));
    f.posted(0, "fees", text("Idiotic? no: this word is not on the list"));
    assertEquals(3, f.read(0, "fees").getJsonArray("posts").size());
    assertTrue(f.read(0, "fees").getJsonArray("posts").getJsonObject(0).getBoolean("held"));
    assertEquals(1, f.read(1, "fees").getJsonArray("posts").size(), "others see only what is not held");
    JsonObject mod = kenes.adminGet("/api/studies/" + f.study + "/discussion").bodyAsJsonObject();
    JsonObject fees = mod.getJsonArray("threads").stream().map(JsonObject.class::cast)
        .filter(t -> "fees".equals(t.getString("item"))).findFirst().orElseThrow();
    assertEquals(2, fees.getInteger("held"));
    assertEquals(200, act(f, "fees/posts/" + held + "/show", new JsonObject()).statusCode());
    assertEquals(2, f.read(1, "fees").getJsonArray("posts").size());
    assertFalse(mod.encode().contains(f.id(0)), "moderators do not see who wrote it either");
    assertTrue(spam.startsWith("p-"));
  }

  @Test
  @DisplayName("the discussions CSV has a row per shown post with its panel at most, hidden ones with their reason "
      + "and not their text, held ones left out; a reader may fetch it")
  void csv() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "mod-csv", "always");
    String post = f.posted(0, "strategy", text("Argument, \"quoted\"").put("tag", "for"));
    f.posted(7, "strategy", text("Reply of the small panel").put("parent", post));
    String gone = f.posted(1, "audit", text("To be hidden"));
    kenes.adminPut("/api/studies/" + f.study + "/discussion-words/en", new JsonObject()
        .put("words", new JsonArray().add("held")));
    f.posted(2, "audit", text("This one is held"));
    act(f, "audit/posts/" + gone + "/hide", new JsonObject().put("reason", "Off topic"));
    f.agree(3, "strategy", post);
    String reader = kenes.account("csv-reader");
    kenes.grant(f.study, "csv-reader", "reader");
    HttpResponse<Buffer> r = kenes.vertxClient().get("/api/studies/" + f.study + "/discussions.csv")
        .bearerTokenAuthentication(reader).send().await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    List<String> lines = r.bodyAsString().lines().toList();
    assertEquals("item,post,parent,tag,author,panel,agreements,pinned,hidden,text", lines.get(0));
    assertEquals(4, lines.size(), r.bodyAsString());
    assertEquals("strategy," + post + ",,for,panel,policy,1,false,,\"Argument, \"\"quoted\"\"\"", lines.get(1));
    assertTrue(lines.get(2).contains(",participant,,0,false,,Reply of the small panel"));
    assertTrue(lines.get(3).endsWith(",Off topic,"), lines.get(3));
    assertFalse(r.bodyAsString().contains("To be hidden") || r.bodyAsString().contains("This one is held"));
  }

  @Test
  @DisplayName("the console lists every thread; its forms hide, pin, close and set a word list, each answered by 303, "
      + "each in the audit without who wrote the post")
  void consoleForms() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "mod-console", "always");
    String post = f.posted(4, "twinning", text("Twinning spreads practice").put("tag", "evidence"));
    String base = "/console/studies/" + f.study + "/discussion";
    String page = admin.get(base).bodyAsString();
    assertTrue(page.contains("Twinning spreads practice"), page);
    assertTrue(page.contains("id=\"thread-twinning\""));
    HttpResponse<Buffer> refused = admin.post(base + "/twinning/posts/" + post, base,
        MultiMap.caseInsensitiveMultiMap().add("action", "hide").add("reason", ""));
    assertEquals(400, refused.statusCode());
    HttpResponse<Buffer> hidden = admin.post(base + "/twinning/posts/" + post, base,
        MultiMap.caseInsensitiveMultiMap().add("action", "hide").add("reason", "Off topic"));
    assertEquals(303, hidden.statusCode(), hidden.bodyAsString());
    assertEquals(303, admin.post(base + "/twinning/posts/" + post, base,
        MultiMap.caseInsensitiveMultiMap().add("action", "pin")).statusCode());
    assertEquals(303, admin.post(base + "/twinning", base,
        MultiMap.caseInsensitiveMultiMap().add("action", "close")).statusCode());
    assertEquals(303, admin.post("/console/studies/" + f.study + "/discussion-words", base,
        MultiMap.caseInsensitiveMultiMap().add("language", "en").add("words", "spam\nscam*")).statusCode());
    String after = admin.get(base).bodyAsString();
    assertTrue(after.contains("hidden: Off topic"));
    assertTrue(after.contains("spam\nscam*"));
    assertTrue(f.read(5, "twinning").getBoolean("closed"));
    String audit = kenes.adminGet("/api/studies/" + f.study + "/audit").bodyAsString();
    for (String action : new String[] {"discussion.post.hide", "discussion.post.pin", "discussion.thread.close",
        "discussion.words"}) {
      assertTrue(audit.contains(action), action + " in " + audit);
    }
    assertFalse(audit.contains(f.id(4)));
  }
}
