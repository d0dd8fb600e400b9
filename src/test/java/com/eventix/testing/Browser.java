package com.eventix.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for pages meant for people, driven over WebDriver. The browser and its driver are
 * Debian's packages ({@code chromium}, {@code chromium-driver}; CI installs them), or CHROME_BIN and CHROMEDRIVER;
 * they are named outright so that nothing is downloaded. Its console is recorded so a test can require that a page
 * loaded without script errors.
 */
public final class Browser implements AutoCloseable {
    private static final String CHROME = env("CHROME_BIN", "/usr/bin/chromium");
    private static final String DRIVER = env("CHROMEDRIVER", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A headless Chromium; {@code extraArguments} add command-line switches (a fake camera, say). */
    public static Browser headless(String... extraArguments) {
        if (!Files.isExecutable(Path.of(CHROME)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException("The browser tests need Chromium and its driver at " + CHROME + " and "
                    + DRIVER + " (Debian: apt-get install chromium chromium-driver; or set CHROME_BIN and CHROMEDRIVER)");
        }
        try {
            Path profile = Files.createTempDirectory("eventix-chromium");
            ChromeOptions options = new ChromeOptions().setBinary(CHROME).addArguments("--headless=new", "--no-sandbox",
                    "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1280,900", "--user-data-dir=" + profile).addArguments(extraArguments);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
                    .usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** The console's errors since the last call (a page's uncaught exceptions and failed loads among them). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
