package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The questionnaire in real headless Chromium, as a panelist uses it; axe-core runs where JavaScript is on. */
class QuestionnaireBrowserTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("in Russian on a phone with JavaScript: answers save as drafts while typed, then submit; options may "
      + "stay unranked")
  void russianPhoneWithJavaScript() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data")); Browser browser = Browser.start(360, 740, true)) {
      String token = roundOne(kenes);
      browser.driver.get(page(kenes, token));
      assertEquals("ru", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
      assertEquals("Отвечено 0 из 6", text(browser, "#progress-count"));

      browser.click(By.cssSelector("input[name='r-strategy'][value='8']"));
      browser.click(By.cssSelector("input[name='r-audit'][value='unable']"));
      browser.driver.findElement(By.id("c-strategy")).sendKeys("Нужны <измеримые> цели");
      new Select(browser.driver.findElement(By.id("k-tools~pdsa"))).selectByValue("1");
      new Select(browser.driver.findElement(By.id("k-tools~audit"))).selectByValue("2");
      browser.driver.findElement(By.id("o-ideas")).sendKeys("Кадры");
      assertEquals("Отвечено 4 из 6", text(browser, "#progress-count"), "progress follows the answers at once");

      // The drafts reach the server before anything is submitted. The store has a draft a moment before the page has
      // read the server's answer, so the page's word that it was saved is waited for too.
      JsonObject expected = new JsonObject().put("value", 8).put("comment", "Нужны <измеримые> цели");
      browser.waiting().until(d -> {
        // The open item's draft may reach the store after the rating's: not there yet is no answer yet.
        JsonObject ideas = answer(kenes, token, 5);
        return expected.equals(answer(kenes, token, 0)) && ideas != null && "Кадры".equals(ideas.getString("text"));
      });
      browser.waiting().withMessage(() -> "the page says: " + text(browser, "#autosave"))
          .until(d -> text(browser, "#autosave").startsWith("Черновик сохранён"));
      JsonObject q = kenes.get("/api/p/" + token).bodyAsJsonObject();
      assertFalse(q.getBoolean("submitted"));
      assertEquals(new JsonObject().putNull("value"), answer(kenes, token, 1));
      assertEquals(new JsonArray(List.of("pdsa", "audit")), answer(kenes, token, 4).getJsonArray("ranking"));
      assertNoHorizontalScroll(browser);
      assertEquals(List.of(), browser.seriousViolations(), "the questionnaire");

      browser.submit(By.cssSelector("button[value='submit']"));
      browser.waiting().until(ExpectedConditions.urlContains("done=submitted"));
      String notice = text(browser, ".notice.ok");
      assertTrue(notice.contains("ответы отправлены"), notice);
      assertTrue(notice.contains("Вы не ответили на 2 из 6 вопросов"), notice);
      assertTrue(kenes.get("/api/p/" + token).bodyAsJsonObject().getBoolean("submitted"));
      assertLeftOutOfM(kenes);
      assertNoHorizontalScroll(browser);
      assertEquals(List.of(), browser.seriousViolations(), "the confirmation");
    }
  }

  @Test
  @DisplayName("in Russian on a phone without JavaScript: save, come back, submit; a refused form keeps its answers; "
      + "options may stay unranked")
  void russianPhoneWithoutJavaScript() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data")); Browser browser = Browser.start(360, 740, false)) {
      String token = roundOne(kenes);
      browser.driver.get(page(kenes, token));
      assertEquals("ru", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
      assertTrue(browser.driver.getPageSource().contains("Национальная стратегия качества"));

      browser.click(By.cssSelector("input[name='r-strategy'][value='8']"));
      browser.driver.findElement(By.id("c-audit")).sendKeys("Сначала подумаю");
      browser.submit(By.cssSelector("button[value='save']"));
      browser.waiting().until(ExpectedConditions.urlContains("done=saved"));
      assertEquals("Отвечено 1 из 6", text(browser, "#progress-count"));
      assertEquals("Сначала подумаю", browser.driver.findElement(By.id("c-audit")).getAttribute("value"),
          "a comment without a rating is kept as a draft");

      // Submitting a comment without its rating comes back with the message at the field and the form as it was.
      new Select(browser.driver.findElement(By.id("k-tools~pdsa"))).selectByValue("1");
      browser.submit(By.cssSelector("button[value='submit']"));
      assertTrue(text(browser, "#err-audit-value").contains("Выберите оценку"), text(browser, "#err-audit-value"));
      assertTrue(browser.driver.getTitle().startsWith("Ошибка:"), browser.driver.getTitle());
      assertEquals("1", new Select(browser.driver.findElement(By.id("k-tools~pdsa")))
          .getFirstSelectedOption().getAttribute("value"));
      assertNoHorizontalScroll(browser);

      browser.click(By.cssSelector("input[name='r-audit'][value='unable']"));
      browser.driver.findElement(By.id("o-ideas")).sendKeys("Кадры");
      browser.submit(By.cssSelector("button[value='submit']"));
      browser.waiting().until(ExpectedConditions.urlContains("done=submitted"));
      assertTrue(browser.driver.getCurrentUrl().endsWith("?done=submitted&lang=ru"), browser.driver.getCurrentUrl());
      assertTrue(text(browser, ".notice.ok").contains("ответы отправлены"));
      assertNoHorizontalScroll(browser);

      // WCAG's reflow width: 320 CSS px, what a 1280 px screen gives at 400% zoom.
      browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
          java.util.Map.of("width", 320, "height", 740, "deviceScaleFactor", 1, "mobile", true));
      browser.driver.navigate().refresh();
      long reflowed = (Long) browser.driver.executeScript("return document.documentElement.scrollWidth");
      assertTrue(reflowed <= 320, "no horizontal scroll at 320 px, was " + reflowed);

      JsonObject q = kenes.get("/api/p/" + token).bodyAsJsonObject();
      assertTrue(q.getBoolean("submitted"));
      assertEquals(new JsonObject().put("value", 8), answer(kenes, token, 0));
      assertEquals(new JsonObject().putNull("value").put("comment", "Сначала подумаю"), answer(kenes, token, 1));
      assertEquals(new JsonArray(List.of("pdsa")), answer(kenes, token, 4).getJsonArray("ranking"));
      assertLeftOutOfM(kenes);
    }
  }

  /**
   * A ranking with options left unranked is kept as given and counted as incomplete: left out of m (CONSENSUS.md). The
   * round is closed first: live statistics move only in steps of minCell submissions.
   */
  private static void assertLeftOutOfM(TestKenes kenes) {
    JsonObject tools = kenes.adminPost("/api/studies/small/rounds/1/close").bodyAsJsonObject().getJsonArray("items")
        .stream().map(JsonObject.class::cast).filter(i -> "tools".equals(i.getString("id"))).findFirst().orElseThrow()
        .getJsonObject("overall");
    assertEquals(0, tools.getInteger("n"));
    assertEquals(1, tools.getInteger("incomplete"));
  }

  @Test
  @DisplayName("round 2 shows a chart with the own answer, median and middle half, panels and escaped comments")
  void roundTwoFeedback() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data")); Browser browser = Browser.start(1024, 900, true)) {
      JsonArray people = roundTwo(kenes);
      browser.driver.get(page(kenes, people.getJsonObject(4).getString("token")));
      assertEquals("en", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
      WebElement feedback = browser.driver.findElement(By.cssSelector("#item-audit .feedback"));
      WebElement chart = feedback.findElement(By.cssSelector("svg.chart"));
      assertEquals("img", chart.getAttribute("role"));
      String desc = chart.findElement(By.tagName("desc")).getAttribute("textContent");
      assertTrue(desc.contains("7 ratings by point of the scale: 1: 0, 2: 2, 3: 0, 4: 0, 5: 1, 6: 0, 7: 0, 8: 4, 9: 0."),
          desc);
      assertTrue(desc.contains("Median 8; the middle half of the ratings lie from 3.5 to 8."), desc);
      assertTrue(desc.contains("Your rating then: 2."), desc);

      // The own answer: the hatched bar over point 2, and "you" under it.
      List<WebElement> bars = chart.findElements(By.cssSelector("rect.bar"));
      assertEquals(9, bars.size());
      assertEquals("bar yours", bars.get(1).getAttribute("class"));
      assertTrue(bars.get(1).getAttribute("fill").startsWith("url(#chart-audit-hatch)"));
      assertEquals(1, chart.findElements(By.cssSelector("rect.bar.yours")).size());
      assertTrue(chart.getAttribute("textContent").contains("▲ you"));
      // The median (8) as a line and a circle over point 8's bar, the middle half written out.
      double median = Double.parseDouble(chart.findElement(By.cssSelector("circle.median")).getAttribute("cx"));
      double bar8 = Double.parseDouble(bars.get(7).getAttribute("x")) + Double.parseDouble(bars.get(7)
          .getAttribute("width")) / 2;
      assertEquals(bar8, median, 0.2);
      assertTrue(chart.getAttribute("textContent").contains("median 8 · middle half 3.5–8"));
      assertEquals(0L, browser.driver.executeScript("return document.querySelectorAll('[style]').length"),
          "no style attribute anywhere: the CSP forbids them");

      // The numbers in a table, the own row marked in words; panels over minCell only; comments as text.
      feedback.findElement(By.cssSelector("details.numbers summary")).click();
      assertTrue(feedback.findElement(By.cssSelector("tr.yours")).getText().contains("2 (your rating)"));
      feedback.findElement(By.cssSelector("details.panels summary")).click();
      String panels = feedback.findElement(By.cssSelector("details.panels")).getText();
      assertTrue(panels.contains("Providers (your group): 3 ratings"), panels);
      assertFalse(panels.contains("Patients"), "a panel under minCell is never shown");
      assertFalse(panels.contains("Policy-makers"), "nor the smallest other panel, or the 7 ratings minus it and "
          + "providers' would be the one patient's rating (secondary suppression)");
      feedback.findElement(By.cssSelector("details.comments summary")).click();
      assertTrue(feedback.getText().contains("<script>alert('x')</script>"), "the comment is shown as text");
      assertEquals(0L, browser.driver.executeScript(
          "return document.querySelectorAll('script:not([src^=\"/static/js/questionnaire.js?v=\"])').length"),
          "the page's own script is its only one");
      assertEquals(List.of(), browser.seriousViolations(), "round 2");
    }
  }

  @Test
  @DisplayName("a rating moved away from the group asks for a reason, in the page with and without JavaScript")
  void reasonPrompt() throws Exception {
    JsonArray people;
    try (TestKenes kenes = TestKenes.start(dir.resolve("data")); Browser browser = Browser.start(1024, 900, true)) {
      people = roundTwo(kenes);
      String token = people.getJsonObject(0).getString("token");
      browser.driver.get(page(kenes, token) + "?lang=en");
      WebElement reason = browser.driver.findElement(By.id("reason-audit"));
      assertFalse(reason.isDisplayed(), "no reason is asked before the rating moves");
      browser.click(By.cssSelector("input[name='r-audit'][value='5']"));
      assertTrue(reason.isDisplayed(), "8 → 5 leaves the agree band the group's median is in");
      assertTrue(reason.getText().contains("You rated this 8 in round 1; the group’s median was 8. If you now choose "
          + "1–6"), reason.getText());
      browser.click(By.cssSelector("input[name='r-audit'][value='9']"));
      assertFalse(reason.isDisplayed(), "9 stays in the group's band");
      browser.click(By.cssSelector("input[name='r-audit'][value='3']"));
      assertTrue(reason.isDisplayed());

      browser.submit(By.cssSelector("button[value='submit']"));
      WebElement error = browser.driver.findElement(By.id("err-audit-reason"));
      assertTrue(error.getText().contains("please say why"), error.getText());
      assertTrue(browser.driver.findElement(By.cssSelector("input[name='r-audit'][value='3']")).isSelected(),
          "the form comes back as it was");
      assertTrue(browser.driver.findElement(By.id("reason-audit")).isDisplayed());
      assertEquals(List.of(), browser.seriousViolations(), "the refused form");

      browser.driver.findElement(By.id("w-audit")).sendKeys("Costs <rose>");
      browser.submit(By.cssSelector("button[value='submit']"));
      browser.waiting().until(ExpectedConditions.urlContains("done=submitted"));
      assertEquals(new JsonObject().put("value", 3).put("reason", "Costs <rose>"), answer(kenes, token, 0));

      try (Browser plain = Browser.start(360, 740, false)) {
        plain.driver.get(page(kenes, people.getJsonObject(1).getString("token")));
        assertTrue(plain.driver.findElement(By.id("reason-audit")).isDisplayed(),
            "without JavaScript the reason field is always there, saying when it is needed");
        assertNoHorizontalScroll(plain);
      }
    }
  }

  /** The small study with round 1 open; returns the token of a Russian-speaking panelist. */
  private static String roundOne(TestKenes kenes) {
    kenes.createSmallStudy();
    JsonArray people = kenes.addParticipants("small", "policy", "providers");
    kenes.adminPost("/api/studies/small/rounds");
    return people.getJsonObject(1).getString("token");
  }

  /**
   * Round 1 answered by seven (audit: 8, 8, 8, 8 by the first four, 2, 2 by two providers, 5 by a patient), closed, and
   * round 2 open; the first panelist's audit comment is a script.
   */
  private static JsonArray roundTwo(TestKenes kenes) {
    kenes.createSmallStudy();
    JsonArray people = kenes.addParticipants("small", "policy", "policy", "policy", "providers", "providers",
        "providers", "patients");
    kenes.adminPost("/api/studies/small/rounds");
    int[] audit = {8, 8, 8, 8, 2, 2, 5};
    for (int i = 0; i < people.size(); i++) {
      JsonObject answers = new JsonObject().put("strategy", new JsonObject().put("value", 8))
          .put("audit", new JsonObject().put("value", audit[i])
              .put("comment", i == 0 ? "<script>alert('x')</script>" : "ok " + i));
      kenes.put("/api/p/" + people.getJsonObject(i).getString("token") + "/answers",
          new JsonObject().put("answers", answers).put("submit", true));
    }
    kenes.adminPost("/api/studies/small/rounds/1/close");
    kenes.adminPost("/api/studies/small/rounds");
    return people;
  }

  private static String page(TestKenes kenes, String token) {
    return "http://127.0.0.1:" + kenes.port() + "/p/" + token;
  }

  private static JsonObject answer(TestKenes kenes, String token, int item) {
    return kenes.get("/api/p/" + token).bodyAsJsonObject().getJsonArray("items").getJsonObject(item)
        .getJsonObject("answer");
  }

  private static String text(Browser browser, String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText();
  }

  private static void assertNoHorizontalScroll(Browser browser) {
    assertEquals(360L, browser.driver.executeScript("return window.innerWidth"));
    long scrollWidth = (Long) browser.driver.executeScript("return document.documentElement.scrollWidth");
    assertTrue(scrollWidth <= 360, "no horizontal scroll at 360 px, was " + scrollWidth);
  }

}
