package io.sessionlauncher.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs outside Maven that the end-to-end tests need: Chromium and chromedriver, Apache
 * httpd with its proxy modules, and the npm modules installed under {@code src/test/js}.
 *
 * <p>A test whose tool is missing is skipped with the reason, unless the environment variable
 * {@value #REQUIRE_VARIABLE} is {@code true} (as {@code .ci/run} sets it): then it fails with the
 * same reason, so that CI cannot pass by skipping.
 */
final class SystemTools {
  /** Set to {@code true} to turn every skip for a missing tool into a failure. */
  static final String REQUIRE_VARIABLE = "SESSION_LAUNCHER_REQUIRE_SYSTEM_TOOLS";

  static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"));
  static final Path APACHE = Path.of(System.getProperty("e2e.apache2", "/usr/sbin/apache2"));
  static final Path APACHE_MODULES =
      Path.of(System.getProperty("e2e.apache2.modules", "/usr/lib/apache2/modules"));

  /** The Apache modules the front-end configuration loads. */
  static final List<String> APACHE_MODULE_FILES =
      List.of(
          "mod_mpm_event.so",
          "mod_authz_core.so",
          "mod_rewrite.so",
          "mod_proxy.so",
          "mod_proxy_http.so",
          "mod_proxy_wstunnel.so");

  private SystemTools() {}

  static void requireChromium() {
    requireExecutable(CHROMIUM, "Chromium", "chromium");
    requireExecutable(CHROMEDRIVER, "chromedriver", "chromium-driver");
  }

  static void requireApache() {
    requireExecutable(APACHE, "Apache httpd", "apache2");
    for (String module : APACHE_MODULE_FILES) {
      Path file = APACHE_MODULES.resolve(module);
      require(
          Files.isRegularFile(file),
          "Apache module " + file + " is missing (apt-get install apache2)");
    }
  }

  /** The npm {@code wslink} package, as {@code npm ci} in {@code src/test/js} installs it. */
  static Path requireWslinkBrowserBuild() {
    Path module = Path.of(required("e2e.wslink.dir"));
    Path build = module.resolve("dist/wslink.js");
    require(
        Files.isRegularFile(build),
        "npm package wslink is not installed: "
            + build
            + " is missing (run npm ci in launcher-e2e/src/test/js, as .ci/run does)");
    return build;
  }

  static boolean required() {
    return "true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE));
  }

  /** Skips the test with {@code reason}, or fails it when tools are required. */
  static void require(boolean present, String reason) {
    if (present) {
      return;
    }
    if (required()) {
      throw new AssertionError(reason + " [" + REQUIRE_VARIABLE + "=true]");
    }
    // Maven's console shows a skip without its reason; say it where a person looks.
    System.err.println("[launcher-e2e] test skipped: " + reason);
    Assumptions.abort(reason);
  }

  static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + property + " is not set (run the tests through Maven)");
    }
    return value;
  }

  private static void requireExecutable(Path file, String name, String aptPackage) {
    require(
        Files.isRegularFile(file) && Files.isExecutable(file),
        name + " is missing: " + file + " not found (apt-get install " + aptPackage + ")");
  }
}
