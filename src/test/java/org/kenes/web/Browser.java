package org.kenes.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.kenes.Wait;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven through Debian's ChromeDriver; nothing downloaded. */
final class Browser implements AutoCloseable {

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Browser start(int width, int height, boolean javascript) throws Exception {
    Path profile = Files.createTempDirectory("kenes-chromium");
    ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=" + Math.max(width, 800) + "," + height);
    if (!javascript) {
      options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().withTimeout(Wait.PATIENCE)
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    // A desktop window cannot be narrower than 500 px: the phone's viewport is set through the DevTools protocol.
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    return new Browser(driver, profile);
  }

  /** A wait for something the page does in its own time, as patient as the other tests' waits. */
  WebDriverWait waiting() {
    // Checked every 50 ms rather than Selenium's 500: a form posted and answered takes a fraction of that.
    return new WebDriverWait(driver, Wait.PATIENCE, Duration.ofMillis(50));
  }

  /** Clicks what {@code by} finds, scrolled into view first as a person would. */
  void click(By by) {
    WebElement element = driver.findElement(by);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  /**
   * Clicks a button that submits its form and waits until the page that answers has loaded: a click returns before the
   * browser has replaced the page, so reading the page right after it could read the old one. The old document is
   * marked and the new one recognised by lacking the mark; asking the old {@code <html>} element whether it is stale
   * instead can fail with "Node with given id does not belong to the document" while Chromium swaps the documents.
   */
  void submit(By by) {
    driver.executeScript("document.kenesSubmitted = true");
    click(by);
    waiting().ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(driver.executeScript(
        "return document.kenesSubmitted === undefined && document.readyState === 'complete'")));
  }

  /** axe-core's serious and critical violations on the current page, described for an assertion message. */
  List<String> seriousViolations() {
    Results results = new AxeBuilder().analyze(driver);
    return results.getViolations().stream()
        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
        .map(Browser::describe).toList();
  }

  private static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
  }

  @Override
  public void close() throws Exception {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Chromium's last processes may still be removing files of their own; a temporary folder left is harmless.
    }
  }
}
