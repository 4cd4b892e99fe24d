package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Pilot participants in the console and on their questionnaire, in headless Chromium with JavaScript off. */
class PilotBrowserTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("without JavaScript a facilitator adds a pilot (marked in the list), the pilot sees the questionnaire "
      + "of round 1 before it opens, the pilot page shows their answers' feedback, and clearing empties it; axe passes")
  void pilotFromTheConsole() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data")); Browser browser = Browser.start(1024, 900, false)) {
      String base = "http://127.0.0.1:" + kenes.port();
      String study = kenes.createSmallStudy();
      kenes.addParticipants(study, "policy", "providers", "patients");

      browser.driver.get(base + "/console/login");
      browser.driver.findElement(By.id("password")).sendKeys(TestKenes.ADMIN);
      browser.submit(By.cssSelector("button.primary"));
      browser.driver.get(base + "/console/studies/small/participants");
      browser.driver.findElement(By.id("p-name")).sendKeys("Pilot Person");
      browser.driver.findElement(By.id("p-email")).sendKeys("pilot@example.org");
      browser.click(By.id("p-pilot"));
      browser.submit(By.cssSelector("form[action$='/participants'] button.primary"));
      assertTrue(browser.driver.getCurrentUrl().contains("done=added&n=1"), browser.driver.getCurrentUrl());
      assertEquals(1, browser.driver.findElements(By.cssSelector("table.people .badge.pilot")).size());
      check(browser, "participants");

      JsonObject pilot = kenes.adminGet("/api/studies/small/participants").bodyAsJsonArray().stream()
          .map(JsonObject.class::cast).filter(p -> p.getBoolean("pilot")).findFirst().orElseThrow();
      String token = pilot.getString("link").substring(pilot.getString("link").lastIndexOf('/') + 1);
      browser.driver.get(base + "/p/" + token);
      assertTrue(browser.driver.findElement(By.cssSelector(".notice.pilot")).getText().contains("pilot"));
      browser.click(By.cssSelector("input[name='r-strategy'][value='8']"));
      browser.driver.findElement(By.name("c-strategy")).sendKeys("Clear enough");
      browser.submit(By.cssSelector("button[value='save']"));
      assertTrue(browser.driver.getCurrentUrl().contains("done=saved"), browser.driver.getCurrentUrl());
      check(browser, "questionnaire");
      JsonObject answers = new JsonObject().put("answers", new JsonObject()
          .put("strategy", new JsonObject().put("value", 8).put("comment", "Clear enough"))
          .put("audit", new JsonObject().put("value", 3)).put("twinning", new JsonObject().put("value", 5))
          .put("fees", new JsonObject().put("value", 2))
          .put("tools", new JsonObject().put("ranking", new JsonArray(List.of("audit", "pdsa", "checklists"))))
          .put("ideas", new JsonObject().put("text", "more"))).put("submit", true);
      assertEquals(200, kenes.put("/api/p/" + token + "/answers", answers).statusCode());

      browser.driver.get(base + "/console/studies/small/pilot");
      assertEquals(1, browser.driver.findElements(By.cssSelector("section.pilot-round")).size());
      assertTrue(browser.driver.findElement(By.cssSelector("section.pilot-round")).getText().contains("Clear enough"));
      assertTrue(browser.driver.findElements(By.cssSelector("section.pilot-round svg")).size() >= 4,
          "a chart per rating");
      check(browser, "pilot");
      screenshot(browser, "pilot");

      browser.submit(By.cssSelector("form[action$='/pilot/clear'] button"));
      assertTrue(browser.driver.getCurrentUrl().contains("done=pilot-cleared&n=1"), browser.driver.getCurrentUrl());
      assertEquals(0, browser.driver.findElements(By.cssSelector("section.pilot-round")).size());
      assertEquals(1, browser.driver.findElements(By.cssSelector("table.people .badge.pilot")).size(),
          "the pilot stays");
      check(browser, "pilot-cleared");
      assertTrue(kenes.adminGet("/api/studies/small/audit").bodyAsString().contains("pilot.cleared"));
    }
  }

  private static void check(Browser browser, String name) throws Exception {
    Path shots = Files.createDirectories(Path.of("target", "pilot-screenshots"));
    Files.write(shots.resolve(name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    assertEquals(List.of(), browser.seriousViolations(), name);
  }

  /** The pilot page's top for the README. */
  private static void screenshot(Browser browser, String name) throws Exception {
    Files.createDirectories(BuilderBrowserTest.SCREENSHOTS);
    browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 1024, "height", 1100, "deviceScaleFactor", 1, "mobile", false));
    browser.driver.executeCdpCommand("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", 0, "y", 0));
    Files.write(BuilderBrowserTest.SCREENSHOTS.resolve(name + ".png"),
        browser.driver.getScreenshotAs(OutputType.BYTES));
    browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 1024, "height", 900, "deviceScaleFactor", 1, "mobile", false));
  }
}
