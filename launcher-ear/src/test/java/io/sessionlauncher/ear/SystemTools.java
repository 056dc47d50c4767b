package io.sessionlauncher.ear;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs outside Maven that integration tests here need: Prometheus' {@code promtool}.
 *
 * <p>A test whose tool is missing is skipped with the reason, unless the environment variable
 * {@value #REQUIRE_VARIABLE} is {@code true} (as {@code .ci/run} sets it): then it fails with the
 * same reason, so that CI cannot pass by skipping.
 */
final class SystemTools {
  /** Set to {@code true} to turn every skip for a missing tool into a failure. */
  static final String REQUIRE_VARIABLE = "SESSION_LAUNCHER_REQUIRE_SYSTEM_TOOLS";

  static final Path PROMTOOL = Path.of(System.getProperty("it.promtool", "/usr/bin/promtool"));

  private SystemTools() {}

  /** Prometheus' checker of the exposition format, from Debian's {@code prometheus} package. */
  static Path requirePromtool() {
    require(
        Files.isRegularFile(PROMTOOL) && Files.isExecutable(PROMTOOL),
        "promtool is missing: " + PROMTOOL + " not found (apt-get install prometheus)");
    return PROMTOOL;
  }

  /** Skips the test with {@code reason}, or fails it when tools are required. */
  static void require(boolean present, String reason) {
    if (present) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE))) {
      throw new AssertionError(reason + " [" + REQUIRE_VARIABLE + "=true]");
    }
    // Maven's console shows a skip without its reason; say it where a person looks.
    System.err.println("[launcher-ear] test skipped: " + reason);
    Assumptions.abort(reason);
  }
}
