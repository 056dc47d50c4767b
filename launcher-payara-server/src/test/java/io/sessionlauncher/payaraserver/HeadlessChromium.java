package io.sessionlauncher.payaraserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, through Debian's chromedriver on the build's port, with a fresh
 * profile. Missing binaries skip the test with the reason, unless {@value #REQUIRE_VARIABLE} is
 * {@code true} (as {@code .ci/run} sets it): then they fail it. Closing quits the browser and ends
 * whatever still runs with its profile or driver port.
 */
final class HeadlessChromium implements AutoCloseable {
  static final String REQUIRE_VARIABLE = "SESSION_LAUNCHER_REQUIRE_SYSTEM_TOOLS";
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

  /** Selenium warns on every start that it has no CDP classes for this Chromium; unused here. */
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

  /** Skips (or, where tools are required, fails) the test unless Chromium and its driver exist. */
  static void requireChromium() {
    for (Path file : List.of(chromium(), chromedriver())) {
      if (Files.isRegularFile(file) && Files.isExecutable(file)) {
        continue;
      }
      String reason =
          file + " is missing (apt-get install chromium chromium-driver; .ci/run installs them)";
      if ("true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE))) {
        throw new AssertionError(reason + " [" + REQUIRE_VARIABLE + "=true]");
      }
      // Maven's console shows a skip without its reason; say it where a person looks.
      System.err.println("[launcher-payara-server] test skipped: " + reason);
      Assumptions.abort(reason);
    }
  }

  /** Starts chromedriver on {@code driverPort} and a headless browser; logs go to {@code dir}. */
  static HeadlessChromium start(Path dir, int driverPort) throws IOException {
    // Belt and braces: the explicit executable below already keeps Selenium Manager out.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver().toString());
    Files.createDirectories(dir);
    Path profile = Files.createTempDirectory(dir, "chromium-profile-");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver().toFile())
            .usingPort(driverPort)
            .withLogFile(dir.resolve("chromedriver.log").toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium().toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    try {
      return new HeadlessChromium(profile, service, new ChromeDriver(service, options));
    } catch (RuntimeException e) {
      service.stop();
      endLeftovers(profile, driverPort);
      throw e;
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Saves what the browser shows as a PNG file. */
  void screenshot(Path file) throws IOException {
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    List<ProcessHandle> left;
    try {
      driver.quit();
    } finally {
      service.stop();
      left = endLeftovers(profile, service.getUrl().getPort());
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

  private static List<ProcessHandle> endLeftovers(Path profile, int driverPort) {
    List<ProcessHandle> leftovers =
        ProcessHandle.allProcesses()
            .filter(
                p -> {
                  String line = p.info().commandLine().orElse("");
                  return line.contains("--user-data-dir=" + profile)
                      || (line.contains("chromedriver") && line.contains("--port=" + driverPort));
                })
            .toList();
    leftovers.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
    for (ProcessHandle process : leftovers) {
      try {
        var unused =
            process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    return leftovers.stream().filter(ProcessHandle::isAlive).toList();
  }

  private static Path chromium() {
    return Path.of(System.getProperty("ps.chromium", "/usr/bin/chromium"));
  }

  private static Path chromedriver() {
    return Path.of(System.getProperty("ps.chromedriver", "/usr/bin/chromedriver"));
  }
}
