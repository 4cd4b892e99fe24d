package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The questionnaire in real headless Chromium, as a panelist uses it. */
class QuestionnaireBrowserTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a panelist answers and submits in Russian on a phone-sized screen, without JavaScript")
  void answerAndSubmitInRussian() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data")); Browser browser = Browser.start(360, 740, false)) {
      kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants("small", "policy", "providers");
      kenes.adminPost("/api/studies/small/rounds");
      String token = people.getJsonObject(1).getString("token");

      browser.driver.get("http://127.0.0.1:" + kenes.port() + "/p/" + token);
      assertEquals("ru", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
      assertTrue(browser.driver.getPageSource().contains("Национальная стратегия качества"));

      click(browser, By.cssSelector("input[name='r-strategy'][value='8']"));
      click(browser, By.cssSelector("input[name='r-audit'][value='unable']"));
      browser.driver.findElement(By.id("c-strategy")).sendKeys("Нужны <измеримые> цели");
      new Select(browser.driver.findElement(By.id("k-tools~pdsa"))).selectByValue("1");
      new Select(browser.driver.findElement(By.id("k-tools~audit"))).selectByValue("2");
      browser.driver.findElement(By.id("o-ideas")).sendKeys("Кадры");
      click(browser, By.cssSelector("button[value='submit']"));

      new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("done=submitted"));
      assertTrue(browser.driver.getCurrentUrl().endsWith("?done=submitted&lang=ru"), browser.driver.getCurrentUrl());
      assertTrue(browser.driver.findElement(By.cssSelector(".notice.ok")).getText().contains("ответы отправлены"));
      long scrollWidth = (Long) browser.driver.executeScript("return document.documentElement.scrollWidth");
      assertEquals(360L, browser.driver.executeScript("return window.innerWidth"));
      assertTrue(scrollWidth <= 360, "no horizontal scroll at 360 px, was " + scrollWidth);

      JsonObject q = kenes.get("/api/p/" + token).bodyAsJsonObject();
      assertTrue(q.getBoolean("submitted"));
      JsonArray items = q.getJsonArray("items");
      assertEquals(new JsonObject().put("value", 8).put("comment", "Нужны <измеримые> цели"),
          items.getJsonObject(0).getJsonObject("answer"));
      assertEquals(new JsonObject().putNull("value"), items.getJsonObject(1).getJsonObject("answer"));
      assertEquals(new JsonArray(List.of("pdsa", "audit")), items.getJsonObject(4).getJsonObject("answer")
          .getJsonArray("ranking"));
    }
  }

  @Test
  @DisplayName("round 2 shows the group's answer and escaped comments; axe finds no serious or critical violation")
  void feedbackAndAccessibility() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data")); Browser browser = Browser.start(1024, 900, true)) {
      kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants("small", "policy", "policy", "policy", "providers", "providers",
          "providers");
      kenes.adminPost("/api/studies/small/rounds");
      for (int i = 0; i < people.size(); i++) {
        JsonObject answers = new JsonObject()
            .put("strategy", new JsonObject().put("value", 8))
            .put("audit", new JsonObject().put("value", 2 + i).put("comment", i == 0 ? "<script>alert('x')</script>" : "ok"));
        kenes.put("/api/p/" + people.getJsonObject(i).getString("token") + "/answers",
            new JsonObject().put("answers", answers).put("submit", true));
      }
      String base = "http://127.0.0.1:" + kenes.port() + "/p/" + people.getJsonObject(0).getString("token");
      browser.driver.get(base);
      assertEquals(List.of(), browser.seriousViolations(), "round 1");

      kenes.adminPost("/api/studies/small/rounds/1/close");
      kenes.adminPost("/api/studies/small/rounds");
      browser.driver.get(base);
      WebElement feedback = browser.driver.findElement(By.cssSelector("#item-audit .feedback"));
      assertTrue(feedback.getText().contains("6"), feedback.getText());
      assertTrue(feedback.getText().contains("Your rating then: 2."), feedback.getText());
      browser.driver.findElement(By.cssSelector("#item-audit details summary")).click();
      assertTrue(feedback.getText().contains("<script>alert('x')</script>"), "the comment is shown as text");
      assertEquals(List.of(), browser.seriousViolations(), "round 2");
    }
  }

  private static void click(Browser browser, By by) {
    WebElement element = browser.driver.findElement(by);
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }
}
