package org.criticalminerals.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver, for tests of the pages the
 * service serves (the route explorer, Neo4j Browser, GraphiQL). Both programs are named by path, so that
 * Selenium Manager never looks for (or downloads) a browser. Where they are not installed the test is
 * skipped, saying so ({@code .ci/run} installs them). Waits are generous and poll: a busy CI machine must not
 * fail a page test by slowness. Screenshots go to {@code target/screenshots/}.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    public static final Duration WAIT = Duration.ofMinutes(2);

    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-background-networking",
            "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-component-update", "--disable-sync", "--disable-default-apps", "--window-size=1400,1000");

    private final WebDriver driver;

    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test, with the reason, when Chromium or chromedriver is not installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Headless Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): skipping this page test. Install Debian's chromium and chromium-driver (.ci/run does).");
    }

    /** Starts a browser with a fresh profile; skips the test when none is installed. */
    public static HeadlessChromium start() {
        assumeInstalled();
        try {
            Path profile = Files.createTempDirectory("headless-chromium");
            LoggingPreferences logging = new LoggingPreferences();
            logging.enable(LogType.BROWSER, Level.ALL);
            logging.enable(LogType.PERFORMANCE, Level.ALL); // DevTools' network events: requestedUrls()
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(FLAGS)
                    .addArguments("--user-data-dir=" + profile);
            options.setCapability("goog:loggingPrefs", logging);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .withTimeout(WAIT).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
            return new HeadlessChromium(driver, profile);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Polls until the condition gives something other than null or false, for up to {@link #WAIT}. When it
     * never does, the failure says what was awaited and what the page logged, and a screenshot
     * ({@code target/screenshots/timeout.png}) shows where it stood.
     */
    public <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT, Duration.ofMillis(250)).until(condition::apply);
        }
        catch (TimeoutException e) {
            screenshot("timeout");
            throw new AssertionError("Waited " + WAIT.toMinutes() + " min for " + what + " on " + driver.getCurrentUrl()
                    + "; the page logged: " + consoleMessages(), e);
        }
    }

    /** What the page wrote to its console (errors and warnings included) since the last call. */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(entry -> entry.getLevel() + " " + entry.getMessage())
                .toList();
    }

    /**
     * Every URL the browser asked for since the last call, as DevTools saw it: also the requests that failed or
     * were blocked, which the page's own performance entries leave out.
     */
    public List<String> requestedUrls() {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream().map(entry -> JSON.readTree(entry.getMessage()).path("message"))
                .filter(message -> message.path("method").asString("").equals("Network.requestWillBeSent"))
                .map(message -> message.at("/params/request/url").asString()).toList();
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** Saves what the page shows as {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        }
        finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
