package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.AttritionFixture;
import org.kenes.TestKenes;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages of a journal's report in Chromium: the report with who the panel was, the flow diagram and attrition; the
 * console's results by attribute; a panelist's questions about them on the first visit.
 */
class JournalBrowserTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("the report, the filtered results and the first visit's questions pass axe-core, in English and Russian")
  void pages() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      AttritionFixture.run(kenes);
      String base = "http://127.0.0.1:" + kenes.port();
      kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
          .replace("id: small", "id: visit") + AttritionFixture.ATTRIBUTES);
      JsonArray people = kenes.adminPost("/api/studies/visit/participants", "application/json", new JsonArray()
          .add(new JsonObject().put("name", "V").put("email", "v@example.org").put("panel", "policy")).encode())
          .bodyAsJsonArray();
      kenes.adminPost("/api/studies/visit/rounds");
      String visit = base + "/p/" + people.getJsonObject(0).getString("token");
      try (Browser browser = Browser.start(1280, 900, true)) {
        WebDriverWait wait = browser.waiting();
        browser.driver.get(base + "/console");
        wait.until(ExpectedConditions.urlContains("/console/login"));
        browser.driver.findElement(By.id("password")).sendKeys(TestKenes.ADMIN);
        browser.submit(By.cssSelector("button.primary"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Studies"));
        for (String lang : List.of("en", "ru")) {
          browser.driver.get(base + "/studies/small/report?lang=" + lang);
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attrition")));
          assertTrue(browser.driver.findElements(By.cssSelector("#participants table")).size() == 2);
          assertTrue(browser.driver.findElements(By.cssSelector("svg.flow[role=img]")).size() == 1);
          assertEquals(List.of(), browser.seriousViolations(), "report in " + lang);
          browser.driver.get(visit + "?lang=" + lang);
          wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.attributes")));
          assertEquals(List.of(), browser.seriousViolations(), "first visit in " + lang);
        }
        browser.driver.get(base + "/console/studies/small/filter?round=1&attribute=sector&value=private");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.filtered-item")));
        assertEquals(List.of(), browser.seriousViolations(), "results by attribute");
        browser.driver.get(visit);
        browser.driver.findElement(By.id("attribute-sector-public")).click();
        browser.submit(By.cssSelector("form.attributes button.primary"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=r-strategy]")));
      }
    }
  }
}
