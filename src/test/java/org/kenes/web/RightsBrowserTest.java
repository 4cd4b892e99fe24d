package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.RightsFixture;
import org.kenes.TestKenes;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A panelist's rights in real headless Chromium with JavaScript, on a phone: the consent before the questionnaire,
 * their own page, withdrawing, erasing, and the published results; the console's pages of the same. axe-core finds
 * nothing serious or critical on any of them.
 */
class RightsBrowserTest {

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

  private static String text(String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText();
  }

  /** axe-core finds nothing serious or critical; a screenshot is kept in target/ for a person to look at. */
  private static void axe(String what) throws Exception {
    Path shots = Files.createDirectories(Path.of("target", "rights-screenshots"));
    Files.write(shots.resolve(what.replace(' ', '-') + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    assertEquals(List.of(), browser.seriousViolations(), what);
    long width = (Long) browser.driver.executeScript("return document.documentElement.scrollWidth");
    assertTrue(width <= 360, what + ": no horizontal scroll on a phone, was " + width);
  }

  @Test
  @DisplayName("the consent text comes first, the form will not go without the box ticked, and then the questionnaire")
  void consent() throws Exception {
    RightsFixture f = RightsFixture.create(kenes, "consent-js", "");
    f.openRound();
    browser.driver.get(url("/p/" + f.token(0)));
    assertEquals("Прежде чем начать", text("main h2"));
    assertTrue(text(".consent-text").contains("Вы можете выйти из диалога в любой момент"));
    assertTrue(browser.driver.findElements(By.cssSelector("form.questionnaire")).isEmpty(), "no question yet");
    axe("the consent page");

    browser.click(By.cssSelector("form.consent button"));
    assertTrue((Boolean) browser.driver.executeScript("return document.getElementById('agree').matches(':invalid')"));
    assertTrue(browser.driver.getCurrentUrl().endsWith("/p/" + f.token(0)), "the browser did not send it");
    // A browser that sends it anyway gets the page again, the problem said at the top.
    browser.driver.executeScript("document.querySelector('form.consent').noValidate = true");
    browser.submit(By.cssSelector("form.consent button"));
    assertTrue(text(".notice.error").contains("Отметьте, пожалуйста"), text(".notice.error"));
    axe("the consent page with its problem");
    assertEquals("not-yet", RightsWithoutScriptTest.consentOf(f, 0));
    browser.click(By.id("agree"));
    browser.submit(By.cssSelector("form.consent button"));
    assertFalse(browser.driver.findElements(By.cssSelector("form.questionnaire")).isEmpty(), "the questionnaire");
    browser.driver.navigate().refresh();
    assertFalse(browser.driver.findElements(By.cssSelector("form.questionnaire")).isEmpty(), "agreed for good");
    assertEquals("agreed", RightsWithoutScriptTest.consentOf(f, 0));
  }

  @Test
  @DisplayName("the own page shows what is held and downloads it; withdrawing is confirmed, then the link says so")
  void withdraw() throws Exception {
    RightsFixture f = RightsFixture.create(kenes, "withdraw-js", "");
    f.agreeAll();
    f.openRound();
    f.answerAll(0, 3);
    browser.driver.get(url("/p/" + f.token(0)));
    browser.click(By.cssSelector("p.rights a"));
    browser.waiting().until(ExpectedConditions.urlContains("/me"));
    assertEquals("Ваши данные и ваши права", text("h1"));
    String facts = text("dl.facts");
    assertTrue(facts.contains(f.name) && facts.contains(f.email) && facts.contains("Лица, формирующие политику"), facts);
    String answers = text(".my-answers");
    assertTrue(answers.contains("Национальная стратегия качества") && answers.contains("Оценка: 3")
        && answers.contains("Комментарий: Comment of panelist 0"), answers);
    assertTrue(text("main").contains("Приглашение: Небольшое тестовое исследование"), "the invitation sent to her");
    assertEquals(url("/api/p/" + f.token(0) + "/me?download"),
        browser.driver.findElement(By.cssSelector("a[download]")).getAttribute("href"));
    axe("the own page");

    browser.click(By.id("withdraw-confirm"));
    browser.submit(By.cssSelector("#withdraw button"));
    assertTrue(text(".notice.ok").contains("Вы вышли из диалога"), text(".notice.ok"));
    assertTrue(text("#withdrawn").contains("Вы вышли из этого диалога"));
    assertTrue(browser.driver.findElements(By.id("withdraw")).isEmpty(), "no second withdrawal");
    axe("the own page, withdrawn");
    browser.driver.get(url("/p/" + f.token(0)));
    assertTrue(browser.driver.getCurrentUrl().contains("/me"), "the link leads to the own page");
    assertEquals(null, kenes.tallies(f.study, 1).get("policy").get("r.strategy.3"), "her answer left the round");
  }

  @Test
  @DisplayName("erasing is confirmed, then a page says what was erased and what stays; the link is gone")
  void erase() throws Exception {
    RightsFixture f = RightsFixture.create(kenes, "erase-js", "");
    f.agreeAll();
    f.openRound();
    f.answerAll(0, 3);
    browser.driver.get(url("/p/" + f.token(3) + "/me?lang=en"));
    assertTrue(text("#erase").contains("What cannot be erased"), text("#erase"));
    browser.driver.executeScript("document.querySelector('#erase form').noValidate = true");
    browser.submit(By.cssSelector("#erase button"));
    assertTrue(text(".notice.error").contains("tick the box"), text(".notice.error"));
    axe("the own page with its problem");
    browser.click(By.id("erase-confirm"));
    browser.submit(By.cssSelector("#erase button"));
    assertEquals("Your data is erased", text("h1"));
    axe("the erased page");
    assertEquals(404, kenes.get("/p/" + f.token(3)).statusCode());
    assertEquals(8, kenes.adminGet("/api/studies/" + f.study + "/participants").bodyAsJsonArray().size());
  }

  @Test
  @DisplayName("the results page: what reached consensus, the group's chart with the panelist's own rating marked, "
      + "the PDF in their language")
  void results() throws Exception {
    RightsFixture f = RightsFixture.create(kenes, "results-js", "");
    f.agreeAll();
    f.openRound();
    f.answerAll(0, 3);
    f.closeRound(1);
    assertEquals(200, kenes.adminPost("/api/studies/" + f.study + "/publication").statusCode());
    browser.driver.get(url("/p/" + f.token(0)));
    assertEquals("Результаты", text("main h2"));
    assertTrue(text("main").contains("Консенсус: включить"), text("main"));
    String strategy = text("#item-strategy");
    assertTrue(strategy.contains("Ваша оценка в раунде 1: 3."), strategy);
    assertEquals(1, browser.driver.findElements(By.cssSelector("#item-strategy svg.chart rect.bar.yours")).size(),
        "her bar marked on the chart");
    assertTrue(browser.driver.findElement(By.cssSelector("#item-strategy svg.chart desc")).getAttribute("textContent")
        .contains("3"));
    assertEquals(url("/p/" + f.token(0) + "/report.pdf?lang=ru"),
        browser.driver.findElement(By.linkText("Полный отчёт (PDF)")).getAttribute("href"));
    axe("the results page");
    browser.driver.findElement(By.cssSelector("nav.languages a[lang='en']")).click();
    browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h2"), "The results"));
    axe("the results page in English");
  }

  @Test
  @DisplayName("the console's participant page, study page (retention, publication) and deletion page; erasing from "
      + "the console")
  void console() {
    RightsFixture f = RightsFixture.create(kenes, "console-js", "");
    f.agree(0);
    f.openRound();
    browser.driver.get(url("/console"));
    browser.waiting().until(ExpectedConditions.urlContains("/console/login"));
    browser.driver.findElement(By.id("password")).sendKeys(TestKenes.ADMIN);
    browser.submit(By.cssSelector("button.primary"));
    browser.driver.get(url("/console/studies/" + f.study + "/participants"));
    assertTrue(text("table.people").contains("agreed") && text("table.people").contains("not yet"));
    browser.driver.findElement(By.linkText(f.id(0))).click();
    browser.waiting().until(ExpectedConditions.urlContains("/participants/" + f.id(0)));
    assertTrue(text("dl.facts").contains(f.email));
    assertEquals(List.of(), browser.seriousViolations(), "the participant's page");
    browser.click(By.id("erase-confirm"));
    browser.submit(By.cssSelector("form[action$='/erase'] button"));
    assertTrue(text(".notice.ok").contains("data is erased"), text(".notice.ok"));
    assertFalse(text("table.people").contains(f.email));

    browser.driver.get(url("/console/studies/" + f.study));
    assertTrue(text("main").contains("kept for 365 days after the final round closes"), text("main"));
    assertTrue(text("main").contains("Close the round first"));
    assertEquals(List.of(), browser.seriousViolations(), "the study's page");
    f.closeRound(1);
    browser.driver.get(url("/console/studies/" + f.study));
    browser.submit(By.cssSelector("form[action$='/publication'] button"));
    assertTrue(text(".notice.ok").contains("results are published"), text(".notice.ok"));
    browser.submit(By.cssSelector("form[action$='/results-mail'] button"));
    assertTrue(text(".notice.ok").contains("Thank-you messages queued: 8"), "all but the one erased");
    assertEquals(List.of(), browser.seriousViolations(), "the study's page, published");

    browser.driver.get(url("/console/studies/" + f.study + "/delete"));
    assertEquals(List.of(), browser.seriousViolations(), "the deletion page");
    browser.driver.findElement(By.id("confirm")).sendKeys("console");
    browser.submit(By.cssSelector("form[action$='/delete'] button"));
    assertTrue(text(".notice.error").contains("type the study's id, " + f.study), text(".notice.error"));
    assertEquals(200, kenes.adminGet("/api/studies/" + f.study).statusCode(), "not deleted");
    browser.driver.findElement(By.id("confirm")).sendKeys(f.study);
    browser.submit(By.cssSelector("form[action$='/delete'] button"));
    assertTrue(text(".notice.ok").contains("The study is deleted."), text(".notice.ok"));
    assertEquals(404, kenes.adminGet("/api/studies/" + f.study).statusCode());
  }
}
