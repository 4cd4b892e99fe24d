package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The facilitator's console in real headless Chromium: a whole round run from the browser. */
class ConsoleBrowserTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("log in, upload a study, import participants, open a round, watch the dashboard move, close; axe passes")
  void runARound() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data")); Browser browser = Browser.start(1280, 900, true)) {
      String base = "http://127.0.0.1:" + kenes.port();
      WebDriverWait wait = browser.waiting();

      browser.driver.get(base + "/console");
      wait.until(ExpectedConditions.urlContains("/console/login"));
      check(browser, "login");
      browser.driver.findElement(By.id("password")).sendKeys(TestKenes.ADMIN);
      browser.submit(By.cssSelector("button.primary"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Studies"));
      check(browser, "studies");

      // A bad study file: every problem at its path, nothing stored.
      browser.driver.findElement(By.id("definition")).sendKeys(TestKenes.resource("studies/small.yaml")
          .replace("ru: \"Клинический аудит\"", "de: \"Audit\""));
      browser.submit(By.cssSelector("button.primary"));
      WebElement problems = browser.driver.findElement(By.cssSelector(".notice.error"));
      assertTrue(problems.getText().contains("items[1].text.ru: missing"), problems.getText());
      check(browser, "study-problems");

      Path file = Files.writeString(dir.resolve("small.yaml"), TestKenes.resource("studies/small.yaml"));
      browser.driver.findElement(By.id("definition")).clear();
      browser.driver.findElement(By.id("file")).sendKeys(file.toString());
      browser.submit(By.cssSelector("button.primary"));
      wait.until(ExpectedConditions.urlContains("/console/studies/small?done=created"));
      assertTrue(browser.driver.findElement(By.cssSelector(".status")).getText().contains("Draft"));
      check(browser, "study");

      browser.driver.get(base + "/console/studies/small/participants");
      browser.driver.findElement(By.id("csv")).sendKeys("name,email,panel,language\nAigerim,a@example.org,policy,ru\n"
          + "Bolat,b@example.org,nobody,en\n");
      browser.submit(By.cssSelector("form[action$='/import'] button"));
      assertTrue(browser.driver.findElement(By.cssSelector(".notice.error")).getText().contains("line 3: panel"));
      assertEquals(0, kenes.adminGet("/api/studies/small/participants").bodyAsJsonArray().size(), "nobody added");
      browser.driver.findElement(By.id("csv")).clear();
      Path csv = Files.writeString(dir.resolve("people.csv"), "name,email,panel,language\nAigerim,a@example.org,policy,ru\n"
          + "Bolat,b@example.org,providers,en\nDana,d@example.org,patients,en\n");
      browser.driver.findElement(By.id("csv-file")).sendKeys(csv.toString());
      browser.submit(By.cssSelector("form[action$='/import'] button"));
      wait.until(ExpectedConditions.urlContains("done=added&n=3"));
      assertEquals(3, browser.driver.findElements(By.cssSelector("table.people tbody tr")).size());
      assertEquals(3, browser.driver.findElements(By.cssSelector("button.copy")).size(), "a copy button per link");
      check(browser, "participants");

      browser.driver.get(base + "/console/studies/small/mail");
      browser.submit(By.cssSelector("form[action$='/invitations'] button"));
      wait.until(ExpectedConditions.urlContains("done=invited&n=3"));
      assertEquals(3, browser.driver.findElements(By.cssSelector("td.mail-unsent")).size());
      check(browser, "mail");

      browser.driver.get(base + "/console/studies/small");
      browser.submit(By.cssSelector("form[action$='/rounds'] button"));
      wait.until(ExpectedConditions.urlContains("done=opened&n=1"));
      assertTrue(browser.driver.findElement(By.cssSelector(".status")).getText().contains("Round 1 open"));

      browser.driver.get(base + "/console/studies/small/live");
      By total = By.cssSelector("tr[data-panel='_total'] [data-field='responded']");
      assertEquals("0", browser.driver.findElement(total).getText());
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-note"), "Live"));
      JsonArray people = kenes.adminGet("/api/studies/small/participants").bodyAsJsonArray();
      String token = people.getJsonObject(0).getString("link").replaceAll(".*/p/", "");
      kenes.put("/api/p/" + token + "/answers", new JsonObject().put("answers", new JsonObject()
          .put("strategy", new JsonObject().put("value", 8))).put("submit", true));
      wait.until(ExpectedConditions.textToBe(total, "1"));
      String panel = people.getJsonObject(0).getString("panel");
      assertEquals("fewer than 3 responses", browser.driver.findElement(By.cssSelector("tr[data-panel='" + panel
          + "'] [data-field='responded']")).getText(), "the panel's row moved too, with its one respondent suppressed");
      assertEquals("33%", browser.driver.findElement(By.cssSelector("tr[data-panel='_total'] [data-field='pct']")).getText());
      check(browser, "live");

      browser.driver.get(base + "/console/studies/small");
      assertTrue(browser.driver.findElement(By.cssSelector(".advice")).getText().contains("Stopping advice"));
      check(browser, "study-open");
      browser.submit(By.cssSelector("form[action$='/close'] button"));
      wait.until(ExpectedConditions.urlContains("done=closed&n=1"));
      assertTrue(browser.driver.findElement(By.cssSelector(".status")).getText().contains("Round 1 closed"));

      browser.driver.get(base + "/console/studies/small/items");
      check(browser, "items");
      browser.driver.get(base + "/console/studies/small/audit");
      List<String> actions = browser.driver.findElements(By.cssSelector("tbody tr td:nth-child(3)")).stream()
          .map(WebElement::getText).toList();
      assertEquals(List.of("study.created", "participants.added", "invitations.queued", "round.opened", "round.closed"),
          actions);
      check(browser, "audit");
    }
  }

  /** axe-core finds nothing serious or critical; a screenshot is kept in target/ for a person to look at. */
  private static void check(Browser browser, String name) throws Exception {
    Path shots = Files.createDirectories(Path.of("target", "console-screenshots"));
    Files.write(shots.resolve(name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    assertEquals(List.of(), browser.seriousViolations(), name);
  }

}
