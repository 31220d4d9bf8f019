package io.phonectl.server.testing;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Headless Debian Chromium driven by its chromedriver, for the console's tests: one browser per test class, a new
 * profile in a temporary folder, 1280×800, nothing fetched from the network (Chromium's background services off).
 * Without Chromium the tests fail with the install command, unless {@code -Dphonectl.skipBrowser=true}.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final String INSTALL = "apt-get install -y chromium chromium-driver";
    private static final Duration WAIT = Duration.ofSeconds(15);

    public final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final URI base;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, URI base) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.base = base;
    }

    /** Starts Chromium for pages under {@code base}; fails (or, with phonectl.skipBrowser, skips) without it. */
    public static Browser start(URI base) throws IOException {
        String chromium = System.getProperty("phonectl.chromium", CHROMIUM);
        String driverPath = System.getProperty("phonectl.chromedriver", CHROMEDRIVER);
        boolean present = Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(driverPath));
        if (!present) {
            Assumptions.assumeFalse(Boolean.getBoolean("phonectl.skipBrowser"),
                    "no Chromium: browser tests skipped (-Dphonectl.skipBrowser=true)");
            throw new IllegalStateException("the console's browser tests need Chromium and chromedriver at " + chromium
                    + " and " + driverPath + ": install them with `" + INSTALL + "` (as root), or skip these tests "
                    + "with -Dphonectl.skipBrowser=true");
        }
        // Selenium warns that it has no DevTools binding for this Chromium: the tests use WebDriver only
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        Path profile = Files.createTempDirectory("phonectl-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driverPath))
                .usingAnyFreePort().withSilent(true).build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1280, 800));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, service, profile, base);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    public Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean present(String css) {
        return !all(css).isEmpty();
    }

    /** Types into a field after clearing it. */
    public Browser type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /** Waits (up to a deadline) until the condition holds. */
    public <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    public void awaitPath(String path) {
        await(d -> path().equals(path));
    }

    public void awaitText(String css, String contains) {
        await(d -> {
            List<WebElement> e = d.findElements(By.cssSelector(css));
            return !e.isEmpty() && e.get(0).getText().contains(contains);
        });
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * The browser's warnings and errors since the last call (CSP violations, script errors, failed loads), not its
     * informational hints.
     */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
    }

    /** The session cookie's value as the browser holds it (for a request the page itself would not make). */
    public String cookie(String name) {
        var c = driver.manage().getCookieNamed(name);
        return c == null ? null : c.getValue();
    }

    /**
     * A screenshot of the page: to {@code target/console/NAME.png}, and with {@code -Dphonectl.docShots=true} to
     * the repository's {@code docs/console/} too (the pictures docs/console.md shows).
     */
    public void shot(String name) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Path target = Path.of("target", "console");
            Files.createDirectories(target);
            Files.write(target.resolve(name + ".png"), png);
            if (Boolean.getBoolean("phonectl.docShots")) {
                Path docs = Path.of("..", "docs", "console");
                Files.createDirectories(docs);
                Files.write(docs.resolve(name + ".png"), png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it
        }
    }
}
