package io.sessionlauncher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench server's own launcher.json loads, and its marks find its processes and no other. */
class BenchAppsTest {
  static final Path LAUNCHER_JSON = Path.of("src/main/liberty/config/launcher.json");

  private final BenchApps apps = BenchApps.load(LAUNCHER_JSON);

  @Test
  void theInstantCommandRunsWithoutTheLauncher() {
    assertEquals(
        List.of("/bin/sh", "-c", "echo ready; exec sleep 3600.2"),
        apps.plainCommand(BenchApps.INSTANT));
    assertEquals("ready", apps.readyLine(BenchApps.INSTANT));
    assertEquals("ready", apps.readyLine(BenchApps.SLEEPER));
  }

  @Test
  void theSanitizedAppGetsTheRulesDefaultsForWslinksTestRequest() {
    assertEquals(
        List.of(
            "/bin/sh",
            "-c",
            "sleep 0.0025; echo Starting factory; exec sleep 3600.4",
            "nothing-to-do",
            "nothing"),
        apps.expandedCommand(BenchApps.SANITIZED, BenchApps.SANITIZED_REQUEST));
    assertEquals(
        List.of(
            "/bin/sh",
            "-c",
            "sleep 0.0025; echo Starting factory; exec sleep 3600.4",
            "me",
            "hello/912"),
        apps.expandedCommand(BenchApps.SANITIZED, Map.of("cmd", "me", "cmd2", "hello/912")));
    assertEquals("Starting factory", apps.readyLine(BenchApps.SANITIZED));
  }

  @Test
  void aCommandWithVariablesCannotBeStartedDirectly() {
    assertThrows(BenchmarkException.class, () -> apps.plainCommand(BenchApps.DEMO));
  }

  @Test
  void thePoolStaysClearOfTheIntegrationTestsPorts() {
    apps.config()
        .resources()
        .forEach(
            range -> {
              assertTrue(range.firstPort() > 9200 || range.lastPort() < 9101, range.toString());
              assertTrue(range.lastPort() - range.firstPort() + 1 >= 1100, range.toString());
            });
  }

  @Test
  void marksMatchBenchSessionsOnly() {
    assertTrue(apps.isSessionProcess("/usr/bin/sleep 3600.1"));
    assertTrue(apps.isSessionProcess("sleep 3600.2"));
    assertTrue(apps.isSessionProcess("/bin/sh -c echo ready; sleep 3600.3; exit 0"));
    assertTrue(
        apps.isSessionProcess(
            "/bin/sh -c sleep 0.0025; echo Starting factory; exec sleep 3600.4 nothing-to-do"
                + " nothing"));
    assertTrue(
        apps.isSessionProcess(
            "java -jar demo/demo-session.jar --host 127.0.0.1 --port 31042 --ready-delay-ms 0"));
    assertFalse(apps.isSessionProcess("sleep 3600"));
    assertFalse(apps.isSessionProcess("java -jar demo/demo-session.jar --port 9101"));
  }
}
