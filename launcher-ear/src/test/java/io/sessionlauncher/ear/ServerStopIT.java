package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server stops every session and empties the proxy file. The test starts the server
 * again afterwards, so it leaves the server as it found it.
 */
class ServerStopIT {
  private final Http client = new Http(LibertyServer.base());

  /** What systemd, a container runtime or Ctrl-C does: a signal to the server's JVM. */
  @Test
  void sigtermToTheServerLeavesNoSessionProcessAndAnEmptyProxyFile() throws Exception {
    Http.Answer created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    int port = URI.create(created.json().getString("sessionURL")).getPort();
    assertEquals(1, Processes.demoOnPort(port).size());

    try {
      ProcessHandle server = KillRestartIT.libertyJvm().orElseThrow();
      server.destroy();
      server.onExit().get(120, java.util.concurrent.TimeUnit.SECONDS);
      List<ProcessHandle> left = Processes.awaitNoDemoOnPort(port, Duration.ofSeconds(10));
      assertTrue(left.isEmpty(), "demo processes left after SIGTERM: " + left);
      assertEquals("", Files.readString(LibertyServer.proxyFile()));
    } finally {
      assertEquals(0, LibertyServer.server("start"), "server start");
      LibertyServer.awaitLauncher();
    }
  }

  @Test
  void serverStopLeavesNoSessionProcessAndAnEmptyProxyFile() throws Exception {
    Http.Answer created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    int port = URI.create(created.json().getString("sessionURL")).getPort();
    assertEquals(1, Processes.demoOnPort(port).size());

    try {
      assertEquals(0, LibertyServer.server("stop"), "server stop");
      List<ProcessHandle> left = Processes.awaitNoDemoOnPort(port, Duration.ofSeconds(10));
      assertTrue(left.isEmpty(), "demo processes left after server stop: " + left);
      assertEquals("", Files.readString(LibertyServer.proxyFile()));
    } finally {
      assertEquals(0, LibertyServer.server("start"), "server start");
      LibertyServer.awaitLauncher();
    }
  }
}
