package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;
import org.kenes.study.Study;
import org.kenes.study.StudyFormat;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The study builder in headless Chromium with JavaScript: the example dialogue built from nothing through the forms,
 * a refused form, the translation view, and the preview as a panelist; axe-core on every page, and the README's
 * screenshots taken on the way (docs/screenshots).
 */
class BuilderBrowserTest {

  /** Where the README's screenshots are kept, in the repository. */
  static final Path SCREENSHOTS = Path.of("docs", "screenshots");

  @TempDir
  static Path dir;
  static TestKenes kenes;
  static Browser browser;
  static String base;
  static StudyBuilding building;

  @BeforeAll
  static void start() throws Exception {
    kenes = TestKenes.start(dir.resolve("data"));
    browser = Browser.start(1024, 760, true);
    base = "http://127.0.0.1:" + kenes.port();
    building = new StudyBuilding(browser, base, page -> check("builder-" + page));
    building.login();
  }

  @AfterAll
  static void stop() throws Exception {
    browser.close();
    kenes.close();
  }

  /** axe-core finds nothing serious or critical on the page. */
  static void check(String page) {
    assertEquals(List.of(), browser.seriousViolations(), page);
  }

  /** The visible part of the page as a PNG for the README. */
  static void screenshot(String name) throws Exception {
    screenshot(name, 760);
  }

  /** The page's top {@code height} pixels as a PNG for the README, the window as it was afterwards. */
  static void screenshot(String name, int height) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 1024, "height", height, "deviceScaleFactor", 1, "mobile", false));
    // The pointer away from the page, so that no hover effect makes one run's picture differ from another's.
    browser.driver.executeCdpCommand("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", 0, "y", 0));
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 1024, "height", 760, "deviceScaleFactor", 1, "mobile", false));
  }

  /** What a link of the page downloads, fetched with the browser's own session. */
  static String download(By link) {
    String href = browser.driver.findElement(link).getAttribute("href");
    Cookie session = browser.driver.manage().getCookieNamed("kenes_session");
    return kenes.vertxClient().getAbs(href).putHeader("Cookie", "kenes_session=" + session.getValue()).send().await()
        .bodyAsString();
  }

  @Test
  @DisplayName("the example dialogue built from nothing through the forms, in English and Russian, is the same study")
  void buildTheExample() throws Exception {
    Study example = StudyFormat.read(Files.readString(Path.of("surveys/qoc-strategy.yaml")));
    building.build(example);
    screenshot("builder-items");
    browser.driver.get(base + "/console/studies/qoc-strategy/build/privacy");
    screenshot("builder-privacy");
    browser.driver.get(base + "/console/studies/qoc-strategy/build/scale");
    screenshot("builder-scale");
    browser.driver.get(base + "/console/studies/qoc-strategy/build/items/qi-tools");
    check("builder-item");
    browser.driver.get(base + "/console/studies/qoc-strategy/translations");
    check("translations");
    assertTrue(browser.driver.findElement(By.cssSelector(".missing-counts")).getText().contains("complete"));

    browser.driver.get(base + "/console/studies/qoc-strategy/build");
    assertTrue(browser.driver.findElement(By.cssSelector(".notice.complete")).isDisplayed(), "nothing is missing");
    String yaml = download(By.linkText("Download as YAML"));
    assertEquals(StudyFormat.toJson(example), StudyFormat.toJson(StudyFormat.read(yaml)), yaml);
    assertEquals(example, StudyFormat.read(yaml));

    browser.driver.get(base + "/console/studies/qoc-strategy");
    check("overview");
    browser.submit(By.cssSelector("form[action$='/rounds'] button"));
    browser.waiting().until(ExpectedConditions.urlContains("done=opened&n=1"));
    browser.driver.get(base + "/console/studies/qoc-strategy/build/scale");
    assertTrue(browser.driver.findElement(By.cssSelector(".notice")).getText().contains("have begun"));
    assertTrue(browser.driver.findElement(By.id("f-scale-max")).getAttribute("disabled") != null
        || !browser.driver.findElement(By.id("f-scale-max")).isEnabled(), "the builder is read-only once begun");

    // But for its privacy terms; and the preview shows the consent page panelists now meet first.
    browser.driver.get(base + "/console/studies/qoc-strategy/build/privacy");
    assertTrue(browser.driver.findElement(By.id("f-retentionDays")).isEnabled(), "the privacy terms stay open");
    assertTrue(browser.driver.findElement(By.cssSelector(".notice")).getText().contains("only these privacy terms"));
    check("privacy-begun");
    browser.driver.get(base + "/console/studies/qoc-strategy/build/reporting");
    assertTrue(browser.driver.findElement(By.id("f-reporting-limitations-ru")).isEnabled(), "so does the reporting");
    check("reporting-begun");
    browser.driver.get(base + "/console/studies/qoc-strategy/build/attributes");
    check("attributes-begun");
    browser.driver.get(base + "/console/studies/qoc-strategy/preview?lang=ru");
    browser.submit(By.linkText("See the consent page"));
    assertTrue(browser.driver.findElement(By.cssSelector(".consent-text")).getText()
        .contains("Министерство здравоохранения"));
    check("preview-consent");
    browser.click(By.id("agree"));
    browser.submit(By.cssSelector("form.consent button.primary"));
    assertTrue(browser.driver.findElement(By.cssSelector(".preview-bar .notice.ok")).getText()
        .contains("Nothing was stored"));
    assertTrue(browser.driver.findElements(By.cssSelector("form.questionnaire")).size() == 1, "then the questions");
  }

  @Test
  @DisplayName("a refused form comes back as typed, each problem at its field and linked from the list above")
  void refusedForm() throws Exception {
    kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
        .replace("id: small", "id: refused"));
    browser.driver.get(base + "/console/studies/refused/build/scale");
    building.type("f-consensus-disagree-1", "8");
    building.type("f-consensus-inAgreeAtLeast", "1,5");
    building.type("f-scale-labels-5-en", "Moderately <b>important</b>");
    browser.submit(By.cssSelector("form[action$='/build/scale'] button.primary"));
    WebElement problems = browser.driver.findElement(By.id("problems"));
    assertTrue(problems.getText().contains("the agree and disagree bands overlap"), problems.getText());
    assertEquals("must lie between 0 and 1", browser.driver.findElement(By.id("f-consensus-inAgreeAtLeast-error"))
        .getText());
    browser.click(By.cssSelector("#problems a[href='#f-consensus-inAgreeAtLeast']"));
    assertTrue(browser.driver.getCurrentUrl().endsWith("#f-consensus-inAgreeAtLeast"), "the list links to the field");
    browser.driver.executeScript("document.getElementById('f-consensus').scrollIntoView({block: 'start'})");
    assertEquals("8", browser.driver.findElement(By.id("f-consensus-disagree-1")).getAttribute("value"), "as typed");
    assertEquals("Moderately <b>important</b>", browser.driver.findElement(By.id("f-scale-labels-5-en"))
        .getAttribute("value"), "typed, and escaped");
    check("refused");
    screenshot("builder-refused");
    assertEquals(3, kenes.adminGet("/api/studies/refused").bodyAsJsonObject().getJsonObject("consensus")
        .getJsonArray("disagree").getInteger(1), "nothing stored");
  }

  @Test
  @DisplayName("the translation view marks what is missing, round 1 waits for it, and fills it in")
  void translations() throws Exception {
    browser.driver.get(base + "/console/new");
    building.type("f-id", "two-languages");
    building.type("f-languages", "ru, en");
    building.type("f-title", "Приоритеты качества");
    browser.submit(By.cssSelector("form[action='/console/new'] button[type=submit]"));
    browser.driver.get(base + "/console/studies/two-languages/build/panels");
    building.type("f-panels-0-id", "policy");
    building.type("f-panels-0-name-ru", "Лица, формирующие политику");
    browser.submit(By.cssSelector("form:has(#f-panels-0-id) button[value=add]"));
    browser.driver.get(base + "/console/studies/two-languages/build/items");
    building.type("f-items-0-id", "strategy");
    building.type("f-items-0-text-ru", "Национальная стратегия качества");
    browser.submit(By.cssSelector("form:has(#f-items-0-id) button[value=add]"));

    browser.driver.get(base + "/console/studies/two-languages");
    assertTrue(browser.driver.findElement(By.id("missing-h")).getText().contains("3"));
    browser.submit(By.cssSelector("form[action$='/rounds'] button"));
    WebElement refused = browser.driver.findElement(By.cssSelector(".notice.error"));
    assertTrue(refused.getText().contains("items[0].text.en"), refused.getText());
    assertEquals(0, kenes.adminGet("/api/studies/two-languages/rounds").bodyAsJsonArray().size());

    browser.driver.get(base + "/console/studies/two-languages/translations?missing=1");
    assertEquals(3, browser.driver.findElements(By.cssSelector("td.missing")).size());
    check("translations-missing");
    screenshot("builder-translations");
    building.type("f-title-en", "Quality priorities");
    building.type("f-panels-0-name-en", "Policy-makers");
    building.type("f-items-0-text-en", "A national quality strategy");
    browser.submit(By.cssSelector("form[action$='/translations'] button.primary"));
    assertTrue(browser.driver.getCurrentUrl().contains("done=saved"));
    assertTrue(!kenes.adminGet("/api/studies/two-languages").bodyAsJsonObject().containsKey("missing"));
    browser.driver.get(base + "/console/studies/two-languages/translations");
    browser.submit(By.cssSelector("form[action$='/translations'] button.primary"));
    assertTrue(kenes.adminGet("/api/studies/two-languages/mail-texts").bodyAsJsonArray().stream()
        .noneMatch(t -> ((JsonObject) t).getBoolean("edited")), "the message texts sent back as they were stay Kenes's");
    browser.driver.get(base + "/console/studies/two-languages");
    browser.submit(By.cssSelector("form[action$='/rounds'] button"));
    browser.waiting().until(ExpectedConditions.urlContains("done=opened&n=1"));
  }

  @Test
  @DisplayName("preview as a panelist: round 2 in Russian with round 1's feedback; nothing is stored")
  void preview() throws Exception {
    kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
        .replace("id: small", "id: previewed"));
    JsonArray people = kenes.addParticipants("previewed", "policy", "policy", "policy", "providers", "providers",
        "patients");
    kenes.adminPost("/api/studies/previewed/rounds");
    int[] ratings = {8, 9, 7, 3, 8, 9};
    for (int i = 0; i < people.size(); i++) {
      kenes.put("/api/p/" + people.getJsonObject(i).getString("token") + "/answers", new JsonObject()
          .put("answers", new JsonObject().put("strategy", new JsonObject().put("value", ratings[i]))
              .put("audit", new JsonObject().put("value", 5).put("comment", "Аудит <нужен>"))).put("submit", true));
    }
    kenes.adminPost("/api/studies/previewed/rounds/1/close");
    String before = kenes.adminGet("/api/studies/previewed/participants").bodyAsString();

    browser.driver.get(base + "/console/studies/previewed");
    browser.submit(By.linkText("Preview"));
    building.choose("preview-panel", "providers");
    building.choose("preview-lang", "ru");
    browser.submit(By.cssSelector(".preview-bar button"));
    assertEquals("ru", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
    assertTrue(browser.driver.findElement(By.cssSelector(".preview-bar")).getText().contains("round 2"));
    assertTrue(browser.driver.findElements(By.cssSelector("svg")).size() >= 1, "round 1's chart");
    assertTrue(browser.driver.getPageSource().contains("Аудит &lt;нужен&gt;"), "the comments, escaped");
    check("preview");
    screenshot("builder-preview", 1400);

    browser.click(By.cssSelector("input[name='r-audit'][value='6']"));
    browser.submit(By.cssSelector("button[value='submit']"));
    assertTrue(browser.driver.findElement(By.cssSelector(".preview-bar .notice.ok")).getText()
        .contains("Nothing was stored"));
    assertTrue(browser.driver.findElement(By.cssSelector("input[name='r-audit'][value='6']")).isSelected(),
        "the answer tried is kept");
    check("preview-checked");
    assertEquals(before, kenes.adminGet("/api/studies/previewed/participants").bodyAsString(), "nobody opened");
    assertEquals(1, kenes.adminGet("/api/studies/previewed/rounds").bodyAsJsonArray().size(), "no round opened");
  }
}
