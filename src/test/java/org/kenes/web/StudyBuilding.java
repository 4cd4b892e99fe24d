package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.kenes.TestKenes;
import org.kenes.study.Category;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Option;
import org.kenes.study.Panel;
import org.kenes.study.Privacy;
import org.kenes.study.Study;
import org.kenes.study.Text;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A facilitator building a study in the console's builder, page by page through its forms, as a person would:
 * every field of the study given, in every language. Works with JavaScript on or off.
 */
final class StudyBuilding {

  /** What a test wants to do on each page once it is drawn (axe, a screenshot): by the page's name. */
  interface Visit {
    void on(String page) throws Exception;
  }

  private final Browser browser;
  private final String base;
  private final Visit visit;

  StudyBuilding(Browser browser, String base, Visit visit) {
    this.browser = browser;
    this.base = base;
    this.visit = visit;
  }

  /** Signs in to the console with the admin token. */
  void login() {
    browser.driver.get(base + "/console");
    browser.waiting().until(ExpectedConditions.urlContains("/console/login"));
    browser.driver.findElement(By.id("password")).sendKeys(TestKenes.ADMIN);
    browser.submit(By.cssSelector("button.primary"));
  }

  /** Builds {@code study} from nothing. */
  void build(Study study) throws Exception {
    List<String> languages = study.languages();
    String first = languages.get(0);
    browser.driver.get(base + "/console");
    browser.submit(By.cssSelector("a[href='/console/new']"));
    visit.on("new");
    type("f-id", study.id());
    type("f-languages", String.join(", ", languages));
    type("f-title", study.title().values().get(first));
    browser.submit(By.cssSelector("form[action='/console/new'] button[type=submit]"));
    browser.waiting().until(ExpectedConditions.urlContains("/build?done=built"));
    visit.on("general");

    for (String l : languages) {
      type("f-title-" + l, study.title().values().get(l));
      if (study.description() != null) {
        type("f-description-" + l, study.description().values().get(l));
      }
    }
    check("f-askReasonOnChange", study.askReasonOnChange());
    save("/build");

    browser.driver.get(base + "/console/studies/" + study.id() + "/build/scale");
    type("f-scale-min", String.valueOf(study.scale().min()));
    type("f-scale-max", String.valueOf(study.scale().max()));
    check("f-scale-allowUnable", study.scale().allowUnable());
    save("/build/scale");
    for (Map.Entry<Integer, Text> label : study.scale().labels().entrySet()) {
      for (String l : languages) {
        type("f-scale-labels-" + label.getKey() + "-" + l, label.getValue().values().get(l));
      }
    }
    var c = study.criteria();
    choose("f-consensus-rule", c.rule().key());
    type("f-consensus-agree-0", String.valueOf(c.agree().low()));
    type("f-consensus-agree-1", String.valueOf(c.agree().high()));
    type("f-consensus-disagree-0", String.valueOf(c.disagree().low()));
    type("f-consensus-disagree-1", String.valueOf(c.disagree().high()));
    type("f-consensus-inAgreeAtLeast", String.valueOf(c.inAgreeAtLeast()));
    type("f-consensus-inDisagreeBelow", String.valueOf(c.inDisagreeBelow()));
    type("f-consensus-maxIqr", String.valueOf(c.maxIqr()));
    type("f-consensus-minResponses", String.valueOf(c.minResponses()));
    check("f-consensus-perPanel", c.perPanel());
    type("f-consensus-minCell", String.valueOf(c.minCell()));
    choose("f-consensus-quantiles", c.quantiles().name());
    type("f-rounds-stableBelowPct", String.valueOf(c.stableBelowPct()));
    save("/build/scale");
    visit.on("scale");

    browser.driver.get(base + "/console/studies/" + study.id() + "/build/rounds");
    type("f-rounds-max", String.valueOf(study.rounds().max()));
    choose("f-rounds-carryForward", study.rounds().carryForward().key());
    save("/build/rounds");
    visit.on("rounds");

    browser.driver.get(base + "/console/studies/" + study.id() + "/build/panels");
    for (int i = 0; i < study.panels().size(); i++) {
      Panel p = study.panels().get(i);
      add("panels", i, p.id(), p.name(), languages);
    }
    for (int i = 0; i < study.categories().size(); i++) {
      Category cat = study.categories().get(i);
      add("categories", i, cat.id(), cat.name(), languages);
    }
    visit.on("panels");

    browser.driver.get(base + "/console/studies/" + study.id() + "/build/items");
    for (int i = 0; i < study.items().size(); i++) {
      item(i, study.items().get(i), languages);
    }
    visit.on("items");

    browser.driver.get(base + "/console/studies/" + study.id() + "/build/privacy");
    Privacy privacy = study.privacy();
    for (String l : languages) {
      type("f-consent-" + l, privacy.consent() == null ? "" : privacy.consent().values().get(l));
    }
    type("f-retentionDays", String.valueOf(privacy.retentionDays()));
    type("f-contact", privacy.contact() == null ? "" : privacy.contact());
    save("/build/privacy");
    visit.on("privacy");
  }

  private void add(String list, int i, String id, Text name, List<String> languages) throws Exception {
    String at = "f-" + list + "-" + i;
    type(at + "-id", id);
    for (String l : languages) {
      type(at + "-name-" + l, name.values().get(l));
    }
    browser.submit(By.cssSelector("form:has(#" + at + "-id) button[value=add]"));
    assertSaved();
  }

  private void item(int i, Item item, List<String> languages) throws Exception {
    String at = "f-items-" + i;
    type(at + "-id", item.id());
    choose(at + "-type", item.type().key());
    choose(at + "-category", item.category() == null ? "" : item.category());
    for (String l : languages) {
      type(at + "-text-" + l, item.text().values().get(l));
    }
    if (item.type() == ItemType.RANKING) {
      WebElement details = browser.driver.findElement(By.cssSelector("form:has(#" + at + "-id) details.options"));
      if (details.getAttribute("open") == null) {
        browser.click(By.cssSelector("form:has(#" + at + "-id) details.options summary"));
      }
      for (int j = 0; j < item.options().size(); j++) {
        Option o = item.options().get(j);
        type(at + "-options-" + j + "-id", o.id());
        for (String l : languages) {
          type(at + "-options-" + j + "-text-" + l, o.text().values().get(l));
        }
      }
    }
    browser.submit(By.cssSelector("form:has(#" + at + "-id) button[value=add]"));
    assertSaved();
  }

  /** A text typed into a field: cleared, then given (long texts set at once: typing them would only take time). */
  void type(String id, String text) {
    WebElement field = browser.driver.findElement(By.id(id));
    field.clear();
    if (text.length() > 40) {
      browser.driver.executeScript("arguments[0].value = arguments[1]", field, text.substring(0, text.length() - 1));
      field.sendKeys(text.substring(text.length() - 1));
    } else {
      field.sendKeys(text);
    }
  }

  void choose(String id, String value) {
    new Select(browser.driver.findElement(By.id(id))).selectByValue(value);
  }

  void check(String id, boolean on) {
    WebElement box = browser.driver.findElement(By.id(id));
    if (box.isSelected() != on) {
      browser.click(By.id(id));
    }
  }

  private void save(String page) {
    browser.submit(By.cssSelector("form[action$='" + page + "'] button.primary"));
    assertSaved();
  }

  private void assertSaved() {
    String url = browser.driver.getCurrentUrl();
    assertTrue(url.contains("done=saved"), "saved, not refused: " + url + "\n"
        + browser.driver.findElements(By.cssSelector("#problems")).stream().map(WebElement::getText).toList());
  }
}
