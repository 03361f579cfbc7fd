package io.ipcbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

import io.ipcbench.claims.Claim;
import io.ipcbench.cli.CommandRun;
import io.ipcbench.cli.Main;
import io.ipcbench.command.ExitCode;
import io.ipcbench.os.CpuAffinity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The report of a real run, as a reader sees it: measured with real peers, judged, plotted, and
 * opened in headless Chromium. Every image loads, the console stays clean, every in-page link
 * lands, the claims section holds every claim (each opening on its evidence), and a screenshot of
 * the whole page is left in {@code target/} to be looked at. Skipped, saying why, where Chromium or chromedriver is missing
 * (Debian packages chromium and chromium-driver; CI installs them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class ReportInBrowserTest {
    static final Path SCREENSHOT = Path.of("target", "report-in-browser.png");
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final List<String> DRIVERS = List.of("chromedriver");

    private ChromeDriver browser;
    private Path report;

    private static Optional<Path> onPath(List<String> names) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String name : names) {
                Path candidate = Path.of(directory, name);
                if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static void ipcbench(String... args) {
        CommandRun run = CommandRun.of(args);
        assertEquals(ExitCode.OK, run.exitCode(), "ipcbench " + String.join(" ", args) + ": " + run.err() + run.out());
    }

    @BeforeAll
    void measureJudgePlotAndOpen(@TempDir Path temp) {
        Optional<Path> chromium = onPath(BROWSERS);
        Optional<Path> driver = onPath(DRIVERS);
        assumeTrue(chromium.isPresent(), "no Chromium on PATH (" + String.join(", ", BROWSERS)
                + "): install the Debian package chromium");
        assumeTrue(driver.isPresent(), "no chromedriver on PATH: install the Debian package chromium-driver");

        BitSet cpus = CpuAffinity.allowedCpus();
        int first = cpus.nextSetBit(0);
        int second = cpus.nextSetBit(first + 1);
        Path run = temp.resolve("run");
        // Two repetitions, so the page has its Repetitions section and the navigation links to it.
        ipcbench("run", "--transports", "pipe,tcp,udp", "--sizes", "64", "--duration", "100ms", "--warmup", "50ms",
                "--interval", "20ms", "--pin", first + "," + (second >= 0 ? second : first), "--repetitions", "2",
                "--quiet", "--out", run.toString());
        ipcbench("claims", run.toString());
        ipcbench("plot", run.toString());
        report = run.resolve(ReportPage.FILE_NAME);

        ChromeOptions options = new ChromeOptions().setBinary(chromium.get().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1300,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver is given, so Selenium does not go looking for (or downloading) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.get(report.toUri().toString());
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyImageLoaded() {
        List<WebElement> images = browser.findElements(By.tagName("img"));
        assertTrue(images.size() >= 5, "the spectrum, the CPU chart and a timeline per cell: " + images.size());
        for (WebElement image : images) {
            Object width = browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth", image);
            assertTrue(width instanceof Number n && n.longValue() > 0, image.getAttribute("alt") + ": " + width);
        }
    }

    @Test
    void theConsoleHoldsNoError() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void everyInPageLinkLandsOnAnElement() {
        List<String> sections = browser.findElements(By.cssSelector("nav a")).stream()
                .map(a -> a.getAttribute("href").substring(a.getAttribute("href").indexOf('#') + 1)).toList();
        assertEquals(List.of("claims", "summary", "repetitions", "charts", "environment", "files"), sections);
        List<WebElement> links = browser.findElements(By.cssSelector("a[href^='#']"));
        for (WebElement link : links) {
            String target = link.getAttribute("href").substring(link.getAttribute("href").indexOf('#') + 1);
            assertEquals(1, browser.findElements(By.id(target)).size(), "#" + target);
        }
    }

    @Test
    void theClaimsSectionHoldsEveryClaimEachOpeningOnItsEvidence() {
        List<WebElement> claims = browser.findElements(By.cssSelector("details.claim"));
        assertEquals(Claim.values().length, claims.size());
        WebElement first = claims.get(0);
        WebElement evidence = first.findElement(By.cssSelector(".evidence"));
        assertFalse(evidence.isDisplayed(), "the sentences are folded");
        first.findElement(By.tagName("summary")).click();
        assertTrue(evidence.isDisplayed(), "a click on the line opens them");
    }

    @Test
    void aScreenshotOfTheWholePageIsLeftInTarget() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> layout = (Map<String, Object>) browser.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        double width = ((Number) layout.get("width")).doubleValue();
        double height = ((Number) layout.get("height")).doubleValue();
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, png);

        assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        Object pageHeight = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        assertTrue(height >= ((Number) pageHeight).doubleValue() - 1, "the whole page: " + height + " of " + pageHeight);
        try (Stream<Path> files = Files.list(SCREENSHOT.getParent())) {
            assertTrue(files.anyMatch(SCREENSHOT::equals));
        }
    }
}
