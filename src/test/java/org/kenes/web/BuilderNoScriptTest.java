package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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

/** The study builder in headless Chromium with JavaScript off: plain forms that post and redirect, nothing more. */
class BuilderNoScriptTest {

  @TempDir
  static Path dir;
  static TestKenes kenes;
  static Browser browser;
  static String base;
  static StudyBuilding building;

  @BeforeAll
  static void start() throws Exception {
    kenes = TestKenes.start(dir.resolve("data"));
    browser = Browser.start(1024, 760, false);
    base = "http://127.0.0.1:" + kenes.port();
    building = new StudyBuilding(browser, base, page -> { });
    building.login();
  }

  @AfterAll
  static void stop() throws Exception {
    browser.close();
    kenes.close();
  }

  @Test
  @DisplayName("without JavaScript the example dialogue is built from nothing through the forms: the same study")
  void buildTheExample() throws Exception {
    Study example = StudyFormat.read(Files.readString(Path.of("surveys/qoc-strategy.yaml")));
    building.build(example);
    browser.driver.get(base + "/console/studies/qoc-strategy/build");
    String href = browser.driver.findElement(By.linkText("Download as YAML")).getAttribute("href");
    Cookie session = browser.driver.manage().getCookieNamed("kenes_session");
    String yaml = kenes.vertxClient().getAbs(href).putHeader("Cookie", "kenes_session=" + session.getValue()).send()
        .await().bodyAsString();
    assertEquals(StudyFormat.toJson(example), StudyFormat.toJson(StudyFormat.read(yaml)), yaml);

    // An item reworded, moved up and back down, with the plain buttons of the list.
    browser.driver.get(base + "/console/studies/qoc-strategy/build/items/phc-driver");
    building.type("f-items-2-text-en", "Make primary health care the driver of quality improvement.");
    browser.submit(By.cssSelector("form[action$='/build/items/phc-driver'] button.primary"));
    assertTrue(browser.driver.getCurrentUrl().contains("done=saved"));
    browser.submit(By.cssSelector("tr#f-items-2 button[value=up]"));
    assertEquals("phc-driver", kenes.adminGet("/api/studies/qoc-strategy").bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(1).getString("id"));
    browser.submit(By.cssSelector("tr#f-items-1 button[value=down]"));
    assertEquals("Make primary health care the driver of quality improvement.", kenes.adminGet(
        "/api/studies/qoc-strategy").bodyAsJsonObject().getJsonArray("items").getJsonObject(2).getJsonObject("text")
        .getString("en"));
  }
}
