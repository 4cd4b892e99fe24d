package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;
import org.kenes.discussion.DiscussionFixture;
import org.kenes.discussion.Post;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An item's discussion with JavaScript: the thread page follows the server-sent events of its item, for changes taken
 * by this instance and, through the thread's version, by another; a reply being typed is not thrown away.
 */
class DiscussionLiveBrowserTest {

  @TempDir
  static Path dir;
  private static TestKenes kenes;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    kenes = TestKenes.start(dir.resolve("data"));
    browser = Browser.start(360, 740, true);
  }

  @AfterAll
  static void stop() throws Exception {
    browser.close();
    kenes.close();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + kenes.port() + path;
  }

  private static void waitFor(String css, String text) {
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  @Test
  @DisplayName("a post, an agreement and a moderator's hiding appear on an open thread page without reloading it, also "
      + "when another instance took them; axe-core passes on the updated page")
  void followsTheThread() throws Exception {
    DiscussionFixture f = DiscussionFixture.create(kenes, "live-talk", "always");
    browser.driver.get(url("/p/" + f.token(2) + "/items/strategy/thread?lang=en"));
    browser.driver.executeScript("document.kenesLoaded = true");

    String post = f.posted(0, "strategy", new JsonObject().put("text", "Live argument").put("tag", "for"));
    waitFor("#thread", "Live argument");
    waitFor("#thread-live", "The discussion was updated");
    assertEquals(204, f.agree(1, "strategy", post).statusCode());
    waitFor("#thread", "1 person agrees");

    // Another instance on the same store: its post and its count of the change, without this instance's event bus.
    var posts = kenes.services().discussions().posts();
    posts.insert(new Post("p-elsewhere00000001", f.study, "strategy", null, f.id(3), "policy", null,
        "From another instance", "en", Instant.now(), Post.State.VISIBLE, null, false)).await();
    posts.touch(f.study, "strategy").await();
    waitFor("#thread", "From another instance");

    assertEquals(200, kenes.adminPost("/api/studies/" + f.study + "/discussion/strategy/posts/" + post + "/hide",
        "application/json", new JsonObject().put("reason", "Repeats another post").encode()).statusCode());
    waitFor("#thread", "Hidden by the moderators: Repeats another post");
    assertEquals(Boolean.TRUE, browser.driver.executeScript("return document.kenesLoaded === true"),
        "the page was never reloaded");
    assertEquals(List.of(), browser.seriousViolations());
  }

  @Test
  @DisplayName("while a reply is being typed a change only says so, and the typed text stays")
  void keepsWhatIsTyped() {
    DiscussionFixture f = DiscussionFixture.create(kenes, "live-typing", "always");
    f.posted(0, "audit", new JsonObject().put("text", "First"));
    browser.driver.get(url("/p/" + f.token(2) + "/items/audit/thread?lang=en"));
    browser.click(By.cssSelector("details.reply-form summary"));
    browser.driver.findElement(By.cssSelector("details.reply-form textarea")).sendKeys("Half a thought");
    f.posted(1, "audit", new JsonObject().put("text", "Second"));
    waitFor("#thread-live", "The discussion has changed");
    assertEquals("Half a thought", browser.driver.findElement(By.cssSelector("details.reply-form textarea"))
        .getAttribute("value"));
    assertTrue(!browser.driver.findElement(By.id("thread")).getText().contains("Second"));
  }
}
