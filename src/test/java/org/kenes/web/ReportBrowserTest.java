package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.ReportFixture;
import org.kenes.TestKenes;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The report page in Chromium: signed in through the console, in both languages, on a desktop and a phone. */
class ReportBrowserTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("the report page passes axe-core in English and Russian, and fits a phone without scrolling sideways")
  void reportPage() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      ReportFixture.run(kenes);
      String base = "http://127.0.0.1:" + kenes.port();
      for (int width : new int[] {1280, 360}) {
        try (Browser browser = Browser.start(width, 900, true)) {
          WebDriverWait wait = browser.waiting();
          browser.driver.get(base + "/console");
          wait.until(ExpectedConditions.urlContains("/console/login"));
          browser.driver.findElement(By.id("password")).sendKeys(TestKenes.ADMIN);
          browser.submit(By.cssSelector("button.primary"));
          wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Studies"));
          for (String lang : List.of("en", "ru")) {
            browser.driver.get(base + "/studies/small/report?lang=" + lang);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("methods")));
            assertEquals(lang, browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
            assertTrue(browser.driver.findElements(By.cssSelector("svg.chart[role=img]")).size() >= 4);
            Path shots = Files.createDirectories(Path.of("target", "report"));
            Files.write(shots.resolve("report-" + lang + "-" + width + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
            assertEquals(List.of(), browser.seriousViolations(), lang + " at " + width + " px");
            Object scroll = browser.driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertEquals(0L, ((Number) scroll).longValue(), "no horizontal scroll at " + width + " px (" + lang + ")");
          }
        }
      }
    }
  }
}
