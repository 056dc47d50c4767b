package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Redeploying the application (Liberty restarts it when its EAR changes) stops every session of the
 * old deployment and leaves the proxy file with exactly the live sessions: none.
 */
class RedeployIT {
  private final Http client = new Http(LibertyServer.base());

  @Test
  void redeployStopsEverySession() throws Exception {
    Http.Answer created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    int port = URI.create(created.json().getString("sessionURL")).getPort();

    Path ear = LibertyServer.serverDir().resolve("apps/launcher-ear.ear");
    Files.setLastModifiedTime(ear, FileTime.from(Instant.now()));

    List<ProcessHandle> left = Processes.awaitNoDemoOnPort(port, Duration.ofSeconds(60));
    assertTrue(left.isEmpty(), "demo processes left after the redeploy: " + left);
    LibertyServer.awaitLauncher();
    assertEquals(404, client.get("paraview/" + id).status(), "the old session is gone");
    assertEquals("", Files.readString(LibertyServer.proxyFile()));
  }
}
