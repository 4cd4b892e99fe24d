package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
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
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The real-time mode's pages in Chromium on a phone: the questionnaire's live feedback and the report's convergence. */
class RealTimeBrowserTest {

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

  @Test
  @DisplayName("in Russian, the questionnaire with the group's figures so far and the report's Convergence section "
      + "(chart and table) pass axe-core and fit a phone")
  void pagesPassAxe() throws Exception {
    kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
        .replace("id: small", "id: live") + "mode: real-time\n");
    JsonArray people = kenes.addParticipants("live", "policy", "policy", "policy", "providers", "providers",
        "providers", "patients", "patients", "patients");
    kenes.adminPost("/api/studies/live/rounds");
    for (int i = 0; i < people.size(); i++) {
      for (int value : new int[] {1 + i % 9, 5 + i % 3}) {
        kenes.put("/api/p/" + token(people, i) + "/answers", new JsonObject().put("submit", true)
            .put("answers", new JsonObject().put("audit", new JsonObject().put("value", value).put("reason", "Да"))));
      }
    }

    browser.driver.get(url("/p/" + token(people, 0) + "?lang=ru"));
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#item-audit svg.chart")));
    assertTrue(browser.driver.findElement(By.id("item-audit")).getText().contains("на текущий момент"));
    check("the questionnaire");

    kenes.adminPost("/api/studies/live/rounds/1/close");
    browser.driver.get(url("/console"));
    browser.waiting().until(ExpectedConditions.urlContains("/console/login"));
    browser.driver.findElement(By.id("password")).sendKeys(TestKenes.ADMIN);
    browser.submit(By.cssSelector("button.primary"));
    browser.waiting().until(ExpectedConditions.urlContains("/console"));
    browser.driver.get(url("/studies/live/report?lang=ru"));
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#convergence svg.chart")));
    assertTrue(browser.driver.findElement(By.id("convergence")).getText().contains("Первые оценки"));
    browser.driver.executeScript("document.getElementById('convergence').scrollIntoView()");
    Files.createDirectories(Path.of("target", "report"));
    Files.write(Path.of("target", "report", "convergence-ru.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    check("the report");
  }

  private static void check(String page) {
    assertEquals(List.of(), browser.seriousViolations(), page);
    Object scroll = browser.driver.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertEquals(0L, ((Number) scroll).longValue(), "no horizontal scroll on " + page);
  }

  private static String token(JsonArray people, int i) {
    return people.getJsonObject(i).getString("token");
  }
}
