package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;
import org.kenes.discussion.DiscussionFixture;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/**
 * An item's discussion in headless Chromium without JavaScript, on a phone: the link under the question, posting,
 * replying and agreeing through the thread's forms, the labels; axe-core finds nothing serious or critical.
 */
class DiscussionBrowserTest {

  @TempDir
  static Path dir;
  private static TestKenes kenes;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    kenes = TestKenes.start(dir.resolve("data"));
    browser = Browser.start(360, 740, false);
  }

  @AfterAll
  static void stop() throws Exception {
    browser.close();
    kenes.close();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + kenes.port() + path;
  }

  private static String text(String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText();
  }

  private static void axe(String what) throws Exception {
    Path shots = Files.createDirectories(Path.of("target", "discussion-screenshots"));
    Files.write(shots.resolve(what.replace(' ', '-') + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    assertEquals(List.of(), browser.seriousViolations(), what);
    long width = (Long) browser.driver.executeScript("return document.documentElement.scrollWidth");
    assertTrue(width <= 360, what + ": no horizontal scroll on a phone, was " + width);
  }

  @Test
  @DisplayName("without JavaScript a panelist follows the link under a question, posts, and another replies and agrees; "
      + "the author sees 'you', the other the author's panel, and the small panel's post says 'a participant'")
  void postReplyAgree() throws Exception {
    DiscussionFixture f = DiscussionFixture.create(kenes, "browser-talk", "always");
    f.openRound();
    f.posted(7, "strategy", new JsonObject().put("text", "Patients first"));
    browser.driver.get(url("/p/" + f.token(0) + "?lang=en"));
    browser.submit(By.cssSelector("#item-strategy .thread-link a"));
    assertEquals("Discussion", text("main h1"));
    axe("the thread page");

    browser.driver.findElement(By.id("post-text")).sendKeys("A strategy aligns the regions");
    browser.driver.findElement(By.cssSelector("#post-tag option[value=for]")).click();
    browser.submit(By.cssSelector("form.new-post button"));
    assertTrue(text("[role=status]").contains("Your post was added"));
    assertTrue(text("ol.posts").contains("you · For"), text("ol.posts"));
    assertTrue(text("ol.posts").contains("a participant"));
    axe("the thread page with posts");

    browser.driver.get(url("/p/" + f.token(2) + "/items/strategy/thread?lang=en"));
    assertTrue(text("ol.posts").contains("Policy-makers · For"), text("ol.posts"));
    browser.click(By.cssSelector("li.post:not(.pinned) details.reply-form summary"));
    browser.driver.findElements(By.cssSelector("details.reply-form textarea")).stream()
        .filter(e -> e.isDisplayed()).findFirst().orElseThrow().sendKeys("Which regions?");
    browser.submit(By.cssSelector("details.reply-form[open] button"));
    assertTrue(text("ol.replies").contains("Which regions?"));
    browser.submit(By.cssSelector("form.agree button"));
    assertTrue(text("[role=status]").contains("Your agreement was counted"));
    axe("the thread page after a reply and an agreement");
  }

  @Test
  @DisplayName("the moderation page lists the threads; hiding a post with a reason shows the reason to panelists in "
      + "its place; the report has the discussion; axe-core passes on the moderation page and the report")
  void moderate() throws Exception {
    DiscussionFixture f = DiscussionFixture.create(kenes, "browser-mod", "always");
    f.posted(1, "audit", new JsonObject().put("text", "Audit needs data").put("tag", "evidence"));
    browser.driver.get(url("/console/login"));
    browser.driver.findElement(By.id("password")).sendKeys(TestKenes.ADMIN);
    browser.submit(By.cssSelector("button.primary"));
    browser.driver.get(url("/console/studies/" + f.study + "/discussion"));
    assertTrue(text("#thread-audit").contains("Audit needs data"), text("#thread-audit"));
    axe("the moderation page");
    browser.driver.findElement(By.cssSelector("#thread-audit form.moderate input[name=reason]")).sendKeys("Off topic");
    browser.submit(By.cssSelector("#thread-audit form.moderate button[value=hide]"));
    assertTrue(text("#thread-audit").contains("hidden: Off topic"));
    axe("the moderation page after hiding");
    browser.driver.get(url("/p/" + f.token(2) + "/items/audit/thread?lang=en"));
    assertTrue(text("ol.posts").contains("Hidden by the moderators: Off topic"));

    String cheap = f.posted(3, "audit", new JsonObject().put("text", "Audit is cheap").put("tag", "for"));
    assertEquals(204, f.agree(4, "audit", cheap).statusCode());
    browser.driver.get(url("/studies/" + f.study + "/report?lang=ru"));
    assertTrue(text("#discussion").contains("Audit is cheap"), text("#discussion"));
    axe("the report with its discussion section");
  }
}
