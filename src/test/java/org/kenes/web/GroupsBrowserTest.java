package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.GroupsApiTest;
import org.kenes.TestKenes;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The console's opinion-groups page in Chromium. */
class GroupsBrowserTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("the opinion groups of a round: a map with its legend and tables; axe finds nothing serious")
  void groupsPage() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data")); Browser browser = Browser.start(1024, 900, true)) {
      kenes.createSmallStudy();
      String[] panels = new String[24];
      for (int i = 0; i < panels.length; i++) {
        panels[i] = i % 3 == 0 ? "patients" : i % 2 == 0 ? "policy" : "providers";
      }
      GroupsApiTest.answerInTwoCamps(kenes, panels);
      String base = "http://127.0.0.1:" + kenes.port();
      browser.driver.get(base + "/console/studies/small/groups");
      browser.waiting().until(ExpectedConditions.urlContains("/console/login"));
      browser.driver.findElement(By.id("password")).sendKeys(TestKenes.ADMIN);
      browser.submit(By.cssSelector("button.primary"));
      // Signed in, the console goes back to the page that was asked for.
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Opinion groups"));
      assertEquals(24, browser.driver.findElements(By.cssSelector("svg.map circle, svg.map rect:not(:first-of-type), "
          + "svg.map polygon")).size(), "one mark per panelist");
      assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains("2 opinion groups"));
      assertEquals(List.of(), browser.seriousViolations());
      // In target/ with the console's other screenshots: a fixed name in the shared temporary folder could belong to
      // another user's run.
      Path shots = java.nio.file.Files.createDirectories(Path.of("target", "console-screenshots"));
      java.nio.file.Files.write(shots.resolve("groups.png"),
          browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
  }
}
