package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.GroupsApiTest;
import org.kenes.TestKenes;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in Russian in real headless Chromium: chosen on the login page, every page of a running study, the
 * owner's access page with roles and a report link, the live dashboard's own texts, and what a reader sees; axe-core
 * finds nothing serious on any of them.
 */
class ConsoleRussianBrowserTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a whole study run in Russian: every console page in Russian, live updates too, and axe passes on each")
  void inRussian() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data")); Browser browser = Browser.start(1280, 900, true)) {
      String base = "http://127.0.0.1:" + kenes.port();
      kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants("small", "policy", "providers", "patients");
      kenes.account("rita");

      browser.driver.get(base + "/console");
      browser.waiting().until(ExpectedConditions.urlContains("/console/login"));
      browser.click(By.cssSelector("a[hreflang='ru']"));
      browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "ru"));
      assertEquals("Вход", browser.driver.findElement(By.tagName("h1")).getText());
      check(browser, "ru-login");
      browser.driver.findElement(By.id("password")).sendKeys(TestKenes.ADMIN);
      browser.submit(By.cssSelector("button.primary"));
      assertEquals("Исследования", browser.driver.findElement(By.tagName("h1")).getText());
      assertTrue(text(browser).contains("Черновик: раундов ещё не было"));
      check(browser, "ru-studies");

      browser.driver.get(base + "/console/preferences");
      new Select(browser.driver.findElement(By.id("pref-zone"))).selectByValue("Europe/Minsk");
      browser.submit(By.cssSelector("main button.primary"));
      assertTrue(text(browser).contains("Настройки сохранены."));
      assertTrue(browser.driver.findElement(By.tagName("footer")).getText().contains("Europe/Minsk"));
      check(browser, "ru-preferences");

      // The accounts: each with its state, its buttons and a field for a new password.
      browser.driver.get(base + "/console/accounts");
      assertTrue(text(browser).contains("Действует") && text(browser).contains("Отключить rita"));
      check(browser, "ru-accounts");

      browser.driver.get(base + "/console/studies/small");
      // A date typed into the field: its order of day, month and year is the browser's locale's, so set as a value.
      // Deadlines lie within a year: the first of a month two to three months ahead.
      LocalDate day = LocalDate.now(ZoneOffset.UTC).plusMonths(3).withDayOfMonth(1);
      browser.driver.executeScript("arguments[0].value = '" + day + "T10:00'",
          browser.driver.findElement(By.id("closesAt")));
      browser.submit(By.cssSelector("form[action$='/rounds'] button"));
      assertTrue(text(browser).contains("Раунд 1 открыт."), text(browser));
      assertEquals(day + "T07:00:00Z", kenes.adminGet("/api/studies/small/rounds").bodyAsJsonArray()
          .getJsonObject(0).getString("closesAt"), "typed in Minsk (UTC+3), stored in UTC");
      assertTrue(browser.driver.findElement(By.cssSelector(".status")).getText()
          .contains("Идёт раунд 1, до 1 " + DateTimeFormatter.ofPattern("MMM", Locale.forLanguageTag("ru")).format(day)
              + " " + day.getYear() + ", 10:00"));
      assertTrue(browser.driver.findElement(By.cssSelector(".advice")).getText()
          .contains("Рекомендуется провести ещё один раунд"));
      check(browser, "ru-study");

      browser.driver.get(base + "/console/studies/small/participants");
      assertTrue(text(browser).contains("Участников: 3") && text(browser).contains("приглашение не отправлено"));
      assertEquals("Копировать", browser.driver.findElements(By.cssSelector("button.copy")).get(0).getText());
      check(browser, "ru-participants");

      browser.driver.get(base + "/console/studies/small/mail");
      browser.submit(By.cssSelector("form[action$='/invitations'] button"));
      assertTrue(text(browser).contains("Приглашений поставлено в очередь: 3."));
      assertEquals(3, browser.driver.findElements(By.cssSelector("td.mail-unsent")).size());
      assertTrue(text(browser).contains("не отправлено"));
      check(browser, "ru-mail");

      browser.driver.get(base + "/console/studies/small/live");
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-note"),
          "В реальном времени"));
      By total = By.cssSelector("tr[data-panel='_total'] [data-field='responded']");
      String token = people.getJsonObject(0).getString("token");
      kenes.put("/api/p/" + token + "/answers", new JsonObject().put("answers", new JsonObject()
          .put("strategy", new JsonObject().put("value", 8))).put("submit", true));
      browser.waiting().until(ExpectedConditions.textToBe(total, "1"));
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-note"), "обновлено в"));
      assertTrue(browser.driver.findElement(By.cssSelector("[data-field='advice']")).getText()
          .startsWith("Рекомендуется провести ещё один раунд"), "the advice as live.js writes it");
      assertEquals("идёт", browser.driver.findElement(By.cssSelector("[data-field='status']")).getText());
      assertEquals("Слишком мало ответов", browser.driver.findElement(
          By.cssSelector("tr[data-item='strategy'] [data-field='verdict']")).getText());
      check(browser, "ru-live");

      browser.driver.get(base + "/console/studies/small");
      browser.submit(By.cssSelector("form[action$='/close'] button"));
      assertTrue(text(browser).contains("Раунд 1 закрыт; его результаты сохранены."));
      browser.driver.get(base + "/console/studies/small/items");
      assertTrue(text(browser).contains("Добавить пункт"));
      check(browser, "ru-items");
      browser.driver.get(base + "/console/studies/small/groups");
      assertTrue(text(browser).contains("Группы мнений не показываются"));
      check(browser, "ru-groups");
      browser.driver.get(base + "/console/studies/small/audit");
      assertTrue(text(browser).contains("Журнал действий"));
      check(browser, "ru-audit");
      browser.driver.get(base + "/console/studies/small/edit");
      check(browser, "ru-edit");
      browser.driver.get(base + "/console/accounts");
      assertTrue(text(browser).contains("Учётные записи модераторов"));
      check(browser, "ru-accounts");

      // The owner's page: a role given, a report link made, shown once and opened.
      browser.driver.get(base + "/console/studies/small/access");
      browser.driver.findElement(By.id("grant-username")).sendKeys("rita");
      new Select(browser.driver.findElement(By.id("grant-role"))).selectByValue("reader");
      browser.submit(By.cssSelector("form[action$='/roles'] button.primary"));
      assertTrue(text(browser).contains("Роль назначена.") && text(browser).contains("Наблюдатель"));
      browser.driver.findElement(By.id("link-label")).sendKeys("Группа по подготовке стратегии");
      browser.submit(By.cssSelector("form[action$='/report-links'] button.primary"));
      assertTrue(text(browser).contains("Ссылка на отчёт создана."));
      String link = browser.driver.findElement(By.id("new-link")).getAttribute("value")
          .replace("http://kenes.test", base);
      check(browser, "ru-access");
      browser.driver.get(link + "?lang=ru");
      assertTrue(browser.driver.findElement(By.tagName("h1")).getText().contains("Небольшое тестовое исследование"));
      assertEquals(1, browser.driver.findElements(By.cssSelector("nav.exports a")).size(), "the PDF alone");
      check(browser, "ru-report-link");

      // The reader: a trimmed menu, and a Russian page when asking for what the role does not allow.
      browser.driver.get(base + "/console");
      browser.submit(By.cssSelector("form.signout button"));
      browser.driver.get(base + "/console/login?lang=ru");
      browser.driver.findElement(By.id("username")).sendKeys("rita");
      browser.driver.findElement(By.id("password")).sendKeys(TestKenes.PASSWORD);
      browser.submit(By.cssSelector("button.primary"));
      browser.driver.get(base + "/console/studies/small");
      List<String> menu = browser.driver.findElements(By.cssSelector("nav.study-nav a")).stream()
          .map(WebElement::getText).toList();
      assertEquals(List.of("Обзор", "Ход опроса", "Группы мнений", "Предпросмотр", "Чек-листы", "Отчёт"),
          menu, "a reader sees the checklists too");
      assertFalse(text(browser).contains("Закрыть раунд") || text(browser).contains("Открыть раунд"));
      check(browser, "ru-reader-study");
      browser.driver.get(base + "/console/studies/small/participants");
      assertTrue(text(browser).contains("У вас нет прав на это действие."));
      check(browser, "ru-forbidden");
      // An account's own preferences: its password and signing out everywhere.
      browser.driver.get(base + "/console/preferences");
      assertTrue(text(browser).contains("Сменить пароль") && text(browser).contains("Выйти везде"));
      check(browser, "ru-account-preferences");
    }
  }

  @Test
  @DisplayName("the opinion groups page in Russian: the map's legend, tables and words; axe passes")
  void groupsInRussian() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data")); Browser browser = Browser.start(1024, 900, true)) {
      kenes.createSmallStudy();
      String[] panels = new String[24];
      for (int i = 0; i < panels.length; i++) {
        panels[i] = i % 3 == 0 ? "patients" : i % 2 == 0 ? "policy" : "providers";
      }
      GroupsApiTest.answerInTwoCamps(kenes, panels);
      String base = "http://127.0.0.1:" + kenes.port();
      browser.driver.get(base + "/console/login?lang=ru&next=%2Fconsole%2Fstudies%2Fsmall%2Fgroups");
      browser.driver.findElement(By.id("password")).sendKeys(TestKenes.ADMIN);
      browser.submit(By.cssSelector("button.primary"));
      assertEquals("Группы мнений", browser.driver.findElement(By.tagName("h1")).getText());
      String main = text(browser);
      assertTrue(main.contains("Групп мнений: 2 — участников: 24") && main.contains("Лица, формирующие политику"), main);
      check(browser, "ru-groups-found");
    }
  }

  private static String text(Browser browser) {
    return browser.driver.findElement(By.tagName("main")).getText();
  }

  /** axe-core finds nothing serious or critical; a screenshot is kept in target/ for a person to look at. */
  private static void check(Browser browser, String name) throws Exception {
    assertEquals("ru", browser.driver.findElement(By.tagName("html")).getAttribute("lang"), name);
    Path shots = Files.createDirectories(Path.of("target", "console-screenshots"));
    Files.write(shots.resolve(name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    assertEquals(List.of(), browser.seriousViolations(), name);
  }
}
