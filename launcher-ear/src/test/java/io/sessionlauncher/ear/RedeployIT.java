package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
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
  private final Client client = new Client();

  @Test
  void redeployStopsEverySession() throws Exception {
    HttpResponse<String> created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.statusCode(), created.body());
    String id = Client.json(created).getString("id");
    int port = URI.create(Client.json(created).getString("sessionURL")).getPort();

    Path ear = LibertyServer.serverDir().resolve("apps/launcher-ear.ear");
    Files.setLastModifiedTime(ear, FileTime.from(Instant.now()));

    List<ProcessHandle> left = Processes.awaitNoDemoOnPort(port, Duration.ofSeconds(60));
    assertTrue(left.isEmpty(), "demo processes left after the redeploy: " + left);
    client.awaitLauncher();
    assertEquals(404, client.get("paraview/" + id).statusCode(), "the old session is gone");
    assertEquals("", Files.readString(LibertyServer.proxyFile()));
  }
}
