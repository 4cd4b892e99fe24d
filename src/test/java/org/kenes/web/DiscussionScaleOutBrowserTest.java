package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;
import org.kenes.config.KenesConfig;
import org.kenes.discussion.DiscussionFixture;
import org.kenes.store.Store;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Two instances on one store: what one takes (a post, a moderator's hiding) appears live on the other's pages. */
class DiscussionScaleOutBrowserTest {

  @TempDir
  static Path dir;
  private static TestKenes first;
  private static TestKenes second;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    first = TestKenes.start(dir.resolve("first"));
    String uri = Files.readString(first.config.dataDir().resolve(Store.URI_FILE)).trim();
    second = TestKenes.start(dir.resolve("second"), dir.resolve("second-surveys-none"),
        Map.of(KenesConfig.MONGO_URI, uri));
    browser = Browser.start(360, 740, true);
  }

  @AfterAll
  static void stop() throws Exception {
    browser.close();
    second.close();
    first.close();
  }

  private static void waitFor(String text) {
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("thread"), text));
  }

  @Test
  @DisplayName("a panelist's open thread page on one instance shows a post taken by the other, and a moderator's "
      + "hiding through the other, without reloading")
  void hiddenEverywhereAtOnce() {
    DiscussionFixture f = DiscussionFixture.create(first, "scaled-talk", "always");
    browser.driver.get("http://127.0.0.1:" + first.port() + "/p/" + f.token(2) + "/items/fees/thread?lang=en");
    browser.driver.executeScript("document.kenesLoaded = true");
    String post = second.vertxClient().post("/api/p/" + f.token(0) + "/items/fees/thread")
        .sendJsonObject(new JsonObject().put("text", "Posted through the second instance")).await()
        .bodyAsJsonObject().getString("id");
    waitFor("Posted through the second instance");
    assertEquals(200, second.adminPost("/api/studies/" + f.study + "/discussion/fees/posts/" + post + "/hide",
        "application/json", new JsonObject().put("reason", "Hidden on the other instance").encode()).statusCode());
    waitFor("Hidden by the moderators: Hidden on the other instance");
    assertEquals(Boolean.TRUE, browser.driver.executeScript("return document.kenesLoaded === true"));
  }
}
