package io.sessionlauncher.e2e;

import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver with Selenium. The driver and
 * browser binaries are given explicitly, so Selenium Manager never runs or downloads anything.
 * Every run gets a fresh profile folder; closing quits the browser, ends whatever is still running
 * with that profile or that driver port, and removes the profile.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

  /**
   * Selenium warns on every start that it has no CDP classes for this Chromium version; the tests
   * use WebDriver only. Held here so the level set on it is not lost to garbage collection.
   */
  private static final Logger CDP_VERSION_FINDER =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_FINDER.setLevel(Level.SEVERE);
  }

  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
    this.profile = profile;
    this.service = service;
    this.driver = driver;
  }

  /** Starts chromedriver and a headless browser; {@code workDir} receives profile and logs. */
  static HeadlessChromium start(Path workDir) throws IOException {
    return start(workDir, false);
  }

  /**
   * As {@link #start(Path)}; with {@code acceptSelfSignedCertificates}, HTTPS servers with
   * certificates no authority signed (the test servers' own) are accepted.
   */
  static HeadlessChromium start(Path workDir, boolean acceptSelfSignedCertificates)
      throws IOException {
    // Belt and braces: the explicit executable below already keeps Selenium Manager out.
    System.setProperty(
        ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, SystemTools.CHROMEDRIVER.toString());
    Files.createDirectories(workDir);
    Path profile = Files.createTempDirectory(workDir, "chromium-profile-");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(SystemTools.CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(workDir.resolve("chromedriver.log").toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(SystemTools.CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile);
    options.setAcceptInsecureCerts(acceptSelfSignedCertificates);
    try {
      return new HeadlessChromium(profile, service, new ChromeDriver(service, options));
    } catch (RuntimeException e) {
      service.stop();
      endLeftovers(profile, service);
      throw e;
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Runs {@code script} in the page and returns its result. */
  Object script(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  /**
   * Waits up to {@code limit} until {@code script} returns {@code true}; returns whether it did.
   */
  boolean awaitTrue(String script, Duration limit) {
    return Waits.holdsWithin(limit, () -> Boolean.TRUE.equals(script(script)));
  }

  @Override
  public void close() {
    List<ProcessHandle> left;
    try {
      driver.quit();
    } finally {
      service.stop();
      left = endLeftovers(profile, service);
      if (left.isEmpty()) {
        deleteProfile();
      }
    }
    // Not from the finally block, where it would hide a failure of quit().
    if (!left.isEmpty()) {
      throw new IllegalStateException("Chromium processes survived: " + left);
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A profile left in target/ costs disk space only; the next clean removes it.
    }
  }

  private static List<ProcessHandle> endLeftovers(Path profile, ChromeDriverService service) {
    List<ProcessHandle> leftovers =
        new ArrayList<>(Processes.withCommandLine("--user-data-dir=" + profile));
    leftovers.addAll(
        Processes.withCommandLine(
            SystemTools.CHROMEDRIVER.getFileName().toString(),
            "--port=" + service.getUrl().getPort()));
    return Processes.end(leftovers, CLOSE_GRACE);
  }
}
