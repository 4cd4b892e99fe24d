package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.RightsFixture;
import org.kenes.TestKenes;
import org.openqa.selenium.By;

/**
 * A panelist's rights in headless Chromium with JavaScript off: every form is a plain form the server checks itself,
 * so that a browser which sends it unchecked (here: its {@code required} taken away) gets the page again with the
 * problem said, and nothing done. axe-core needs JavaScript: {@link RightsBrowserTest} runs it on the same pages.
 */
class RightsWithoutScriptTest {

  @TempDir
  static Path dir;
  private static TestKenes kenes;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    kenes = TestKenes.start(dir.resolve("data"));
    browser = Browser.start(1024, 800, false);
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

  /** Sends a form as a browser that does not check {@code required} would. */
  private static void unchecked(String form) {
    browser.driver.executeScript("document.querySelector(arguments[0]).noValidate = true", form);
  }

  @Test
  @DisplayName("without JavaScript the consent is required by the server too, then the questionnaire follows")
  void consent() {
    RightsFixture f = RightsFixture.create(kenes, "consent-nojs", "");
    f.openRound();
    browser.driver.get(url("/p/" + f.token(1)));
    assertEquals("Прежде чем начать", text("main h2"));
    unchecked("form.consent");
    browser.submit(By.cssSelector("form.consent button"));
    assertTrue(text(".notice.error").contains("Отметьте, пожалуйста, что вы согласны"), text(".notice.error"));
    assertTrue(browser.driver.getTitle().startsWith("Ошибка:"), browser.driver.getTitle());
    assertEquals("not-yet", consentOf(f, 1), "nothing stored");
    browser.click(By.id("agree"));
    browser.submit(By.cssSelector("form.consent button"));
    assertFalse(browser.driver.findElements(By.cssSelector("form.questionnaire")).isEmpty(), "the questionnaire");
    browser.click(By.cssSelector("input[name='r-strategy'][value='8']"));
    browser.submit(By.cssSelector("button[value='submit']"));
    assertTrue(browser.driver.getCurrentUrl().contains("done=submitted"), browser.driver.getCurrentUrl());
  }

  @Test
  @DisplayName("without JavaScript erasing needs its box ticked, checked by the server; then the data is gone")
  void erase() {
    RightsFixture f = RightsFixture.create(kenes, "erase-nojs", "");
    f.agreeAll();
    f.openRound();
    f.answerAll(0, 3);
    browser.driver.get(url("/p/" + f.token(2) + "/me"));
    unchecked("#erase form");
    browser.submit(By.cssSelector("#erase button"));
    assertTrue(text(".notice.error").contains("tick the box"), text(".notice.error"));
    assertEquals(200, kenes.get("/api/p/" + f.token(2)).statusCode(), "nothing erased");
    browser.click(By.id("erase-confirm"));
    browser.submit(By.cssSelector("#erase button"));
    assertEquals("Your data is erased", text("h1"));
    assertEquals(404, kenes.get("/api/p/" + f.token(2)).statusCode());
  }

  @Test
  @DisplayName("without JavaScript withdrawing works from the own page, and the results page shows its chart")
  void withdrawAndResults() {
    RightsFixture f = RightsFixture.create(kenes, "results-nojs", "");
    f.agreeAll();
    f.openRound();
    f.answerAll(0, 3);
    browser.driver.get(url("/p/" + f.token(4) + "/me"));
    browser.click(By.id("withdraw-confirm"));
    browser.submit(By.cssSelector("#withdraw button"));
    assertTrue(text(".notice.ok").contains("You have withdrawn"), text(".notice.ok"));
    f.closeRound(1);
    assertEquals(200, kenes.adminPost("/api/studies/" + f.study + "/publication").statusCode());
    browser.driver.get(url("/p/" + f.token(0)));
    assertEquals("Результаты", text("main h2"));
    assertEquals(1, browser.driver.findElements(By.cssSelector("#item-strategy svg.chart rect.bar.yours")).size());
  }

  static String consentOf(RightsFixture f, int person) {
    return f.kenes.adminGet("/api/studies/" + f.study + "/participants").bodyAsJsonArray().stream()
        .map(io.vertx.core.json.JsonObject.class::cast).filter(p -> f.id(person).equals(p.getString("id")))
        .findFirst().orElseThrow().getString("consent");
  }
}
