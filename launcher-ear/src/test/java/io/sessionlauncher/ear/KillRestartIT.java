package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.WebSocketClient;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server JVM killed with SIGKILL while a session runs, then started again: the launcher adopts
 * the session (the default configuration's policy), GET, DELETE and the proxy line work again, and
 * afterwards no demo process is left that the launcher does not know about.
 */
class KillRestartIT {
  private final Http client = new Http(LibertyServer.base());

  @Test
  void sessionsSurviveAKilledServerAndAreAdoptedBack() throws Exception {
    Http.Answer created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    URI url = URI.create(created.json().getString("sessionURL"));
    ProcessHandle demo = Processes.demoOnPort(url.getPort()).get(0);

    try {
      ProcessHandle server = libertyJvm().orElseThrow(() -> new AssertionError("no Liberty JVM"));
      server.destroyForcibly();
      server.onExit().get(60, TimeUnit.SECONDS);
      assertTrue(demo.isAlive(), "the session outlives the killed server");
    } finally {
      assertEquals(0, LibertyServer.server("start"), "server start");
      LibertyServer.awaitLauncher();
    }

    Http.Answer shown = client.get("paraview/" + id);
    assertEquals(200, shown.status(), shown.body());
    assertEquals("ready", shown.json().getString("state"));
    assertTrue(Files.readString(LibertyServer.proxyFile()).contains(id));
    assertEquals("after the restart", new WebSocketClient().echo(url, "after the restart"));

    assertEquals(200, client.delete("paraview/" + id).status());
    demo.onExit().get(30, TimeUnit.SECONDS);
    List<ProcessHandle> strangers =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().orElse("").contains("demo/demo-session.jar"))
            .toList();
    assertTrue(strangers.isEmpty(), "demo processes nobody knows about: " + strangers);
    assertEquals("", Files.readString(LibertyServer.proxyFile()));
  }

  /** The server's JVM, found by its command line. */
  static Optional<ProcessHandle> libertyJvm() {
    String server = System.getProperty("liberty.server.name");
    // This build's own installation: other checkouts on the machine run a launcherServer too.
    String wlp = System.getProperty("liberty.wlp.dir");
    return ProcessHandle.allProcesses()
        .filter(
            p -> {
              String line = p.info().commandLine().orElse("");
              return line.contains(wlp + "/bin/tools/ws-server.jar") && line.contains(server);
            })
        .findFirst();
  }
}
