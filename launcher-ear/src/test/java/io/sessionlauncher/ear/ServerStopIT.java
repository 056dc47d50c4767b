package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server stops every session and empties the proxy file. The test starts the server
 * again afterwards, so it leaves the server as it found it.
 */
class ServerStopIT {
  private final Client client = new Client();

  @Test
  void serverStopLeavesNoSessionProcessAndAnEmptyProxyFile() throws Exception {
    HttpResponse<String> created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.statusCode(), created.body());
    int port = URI.create(Client.json(created).getString("sessionURL")).getPort();
    assertEquals(1, Processes.demoOnPort(port).size());

    try {
      assertEquals(0, LibertyServer.server("stop"), "server stop");
      List<ProcessHandle> left = Processes.awaitNoDemoOnPort(port, Duration.ofSeconds(10));
      assertTrue(left.isEmpty(), "demo processes left after server stop: " + left);
      assertEquals("", Files.readString(LibertyServer.proxyFile()));
    } finally {
      assertEquals(0, LibertyServer.server("start"), "server start");
      awaitLauncher();
    }
  }

  private void awaitLauncher() throws Exception {
    Instant end = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(end)) {
      try {
        if (client.get("paraview/3b241101-e2bb-4255-8caf-4136c566a962").statusCode() == 404) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      LockSupport.parkNanos(200_000_000L);
    }
    throw new AssertionError("launcher did not come back within 120 s");
  }
}
