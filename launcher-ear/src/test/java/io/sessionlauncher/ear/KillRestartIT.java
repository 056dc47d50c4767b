package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
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
  private final Client client = new Client();

  @Test
  void sessionsSurviveAKilledServerAndAreAdoptedBack() throws Exception {
    HttpResponse<String> created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.statusCode(), created.body());
    String id = Client.json(created).getString("id");
    URI url = URI.create(Client.json(created).getString("sessionURL"));
    ProcessHandle demo = Processes.demoOnPort(url.getPort()).get(0);

    try {
      ProcessHandle server = libertyJvm().orElseThrow(() -> new AssertionError("no Liberty JVM"));
      server.destroyForcibly();
      server.onExit().get(60, TimeUnit.SECONDS);
      assertTrue(demo.isAlive(), "the session outlives the killed server");
    } finally {
      assertEquals(0, LibertyServer.server("start"), "server start");
      client.awaitLauncher();
    }

    HttpResponse<String> shown = client.get("paraview/" + id);
    assertEquals(200, shown.statusCode(), shown.body());
    assertEquals("ready", Client.json(shown).getString("state"));
    assertTrue(Files.readString(LibertyServer.proxyFile()).contains(id));
    assertEquals("after the restart", client.echo(url, "after the restart"));

    assertEquals(200, client.delete("paraview/" + id).statusCode());
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
    return ProcessHandle.allProcesses()
        .filter(
            p -> {
              String line = p.info().commandLine().orElse("");
              return line.contains("ws-server.jar") && line.contains(server);
            })
        .findFirst();
  }
}
