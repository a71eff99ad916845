package dev.cimanager.app.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through Debian's chromedriver (paths given, so Selenium
 * Manager never downloads anything), with a fresh profile and download directory. Finds elements by
 * their {@code data-testid}; every wait is an explicit {@link WebDriverWait}.
 */
final class Browser implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final String uiUrl;
  private final Path profile;
  private final Path downloads;

  private Browser(ChromeDriver driver, String uiUrl, Path profile, Path downloads) {
    this.driver = driver;
    this.uiUrl = uiUrl;
    this.profile = profile;
    this.downloads = downloads;
  }

  /** Starts Chromium at 1280x800 for the UI served by the app at {@code appBaseUrl}. */
  static Browser start(String appBaseUrl) throws IOException {
    Path profile = Files.createTempDirectory("chromium-profile-");
    Path downloads = Files.createTempDirectory("chromium-downloads-");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1280,800",
        "--user-data-dir=" + profile);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    ChromeDriver driver = new ChromeDriver(service, options);
    // headless Chromium may deny downloads unless told where to put them
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString(), "eventsEnabled", false));
    Browser browser = new Browser(driver, appBaseUrl + "/ui/", profile, downloads);
    browser.viewport(1280, 800);
    return browser;
  }

  /**
   * Sets the page's viewport (what users see and screenshots show); {@code --window-size} alone
   * leaves a smaller viewport because the headless window keeps room for browser chrome.
   */
  void viewport(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }

  WebDriver driver() {
    return driver;
  }

  static By testId(String testId) {
    return By.cssSelector("[data-testid='" + testId + "']");
  }

  /** Loads the UI at {@code hash} (e.g. {@code #/signin}) as a fresh page. */
  void open(String hash) {
    driver.get(uiUrl + hash);
  }

  /** Signs in with {@code token} on the sign-in page (what a test of signing in does by hand). */
  void signIn(String token) {
    open("#/signin");
    visible("token-input").sendKeys(token);
    visible("signin-submit").click();
  }

  /** Waits until an element with this test id is visible and returns it. */
  WebElement visible(String testId) {
    return visible(testId(testId));
  }

  WebElement visible(By by) {
    return waiter(WAIT)
        .withMessage(() -> by + " to be visible; " + whereWeAre())
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** The URL and the start of what the page shows, so a failed wait says what the user saw. */
  private String whereWeAre() {
    try {
      String text = driver.findElement(By.tagName("body")).getText();
      return "the page at "
          + driver.getCurrentUrl()
          + " shows: "
          + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
    } catch (RuntimeException e) {
      return "the page could not be read: " + e;
    }
  }

  /**
   * Clicks the visible element with this test id, finding it again when a view re-rendered it
   * between the find and the click (a polling page does every second).
   */
  void click(String testId) {
    waiter(WAIT)
        .until(
            d -> {
              WebElement element = d.findElement(testId(testId));
              if (!element.isDisplayed()) {
                return false;
              }
              element.click();
              return true;
            });
  }

  /** Waits until the visible element {@code by} has {@code attribute} = {@code value}. */
  void awaitAttribute(By by, String attribute, String value, Duration timeout) {
    waiter(timeout)
        .withMessage(
            () ->
                by
                    + " to have "
                    + attribute
                    + "="
                    + value
                    + " (now: "
                    + driver.findElements(by).stream()
                        .map(e -> e.getDomAttribute(attribute))
                        .toList()
                    + ")")
        .until(ExpectedConditions.attributeToBe(by, attribute, value));
  }

  <T> T await(Function<WebDriver, T> condition, String description) {
    return await(condition, description, WAIT);
  }

  <T> T await(Function<WebDriver, T> condition, String description, Duration timeout) {
    return waiter(timeout).withMessage(description).until(condition::apply);
  }

  List<WebElement> all(String testId) {
    return driver.findElements(testId(testId));
  }

  /** The {@code data-testid} of the focused element (null when it has none). */
  String focusedTestId() {
    return driver.switchTo().activeElement().getDomAttribute("data-testid");
  }

  Object script(String javascript, Object... args) {
    return driver.executeScript(javascript, args);
  }

  /**
   * Saves the viewport as {@code target/screenshots/<name>.png}, after checking the page (and any
   * open dialog) with axe-core against WCAG 2.1 A and AA: every page or dialog a test shows is also
   * checked.
   */
  Path screenshot(String name) {
    assertAccessible(name);
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("tried to save screenshot " + name + " but failed", e);
    }
  }

  /**
   * Runs axe-core (vendored unmodified in {@code src/test/resources/axe/}, MPL-2.0) on the current
   * document with the WCAG 2.0/2.1 A and AA rules, and fails listing each violation and the
   * elements it hit.
   */
  void assertAccessible(String where) {
    if (!Boolean.TRUE.equals(driver.executeScript("return !!window.axe"))) {
      driver.executeScript(AXE_SOURCE);
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>)
            driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
                    + " resultTypes: ['violations']})"
                    + ".then(r => done(r.violations.map(v => ({id: v.id, help: v.help,"
                    + "  nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + (n.failureSummary || ''))}))))"
                    + ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));");
    if (!violations.isEmpty()) {
      StringBuilder report =
          new StringBuilder("axe-core found WCAG 2.1 AA violations on " + where + ":");
      for (Map<String, Object> v : violations) {
        report.append("\n- ").append(v.get("id")).append(": ").append(v.get("help"));
        for (Object node : (List<?>) v.get("nodes")) {
          report.append("\n    ").append(node);
        }
      }
      throw new AssertionError(report.toString());
    }
  }

  private static final String AXE_SOURCE = readAxe();

  private static String readAxe() {
    try (var in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until Chromium has finished writing {@code fileName} into its download directory. */
  Path awaitDownload(String fileName) {
    Path file = downloads.resolve(fileName);
    await(
        d ->
            Files.isRegularFile(file) && !Files.exists(downloads.resolve(fileName + ".crdownload")),
        "download of " + fileName + " in " + downloads + " (there: " + list(downloads) + ")");
    return file;
  }

  private WebDriverWait waiter(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout);
    wait.ignoring(StaleElementReferenceException.class); // views re-render while polling
    return wait;
  }

  private static List<String> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    } catch (IOException e) {
      return List.of("(unreadable: " + e.getMessage() + ")");
    }
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      deleteRecursively(profile);
      deleteRecursively(downloads);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
