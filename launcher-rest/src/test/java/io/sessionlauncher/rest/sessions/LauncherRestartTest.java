package io.sessionlauncher.rest.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncherMain;
import io.sessionlauncher.testing.FreePorts;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import io.sessionlauncher.testing.LauncherJson;
import io.sessionlauncher.testing.Waits;
import io.sessionlauncher.testing.WebSocketClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher killed with SIGKILL and started again: its sessions are adopted back (process alive
 * and the same) or stopped, by policy; nothing runs that the launcher does not know about. The
 * launcher runs in a child JVM so that it can really be killed.
 */
class LauncherRestartTest {
  @TempDir Path folder;
  private LauncherJson json;
  private final Http http = new Http();
  private final List<Process> launchers = new ArrayList<>();
  private final List<ProcessHandle> sessions = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (Process launcher : launchers) {
      launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    for (ProcessHandle session : sessions) {
      session.destroyForcibly();
      session.onExit().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void killedLauncherAdoptsItsSessionsWhenRestarted() throws Exception {
    Path config = configuration("adopt");
    URI first = startLauncher(config, "first");
    JsonObject created =
        http.post(first.resolve("paraview/"), "{\"application\": \"demo\"}").json();
    String id = created.getString("id");
    URI sessionUrl = URI.create(created.getString("sessionURL"));
    ProcessHandle demo = demoOn(sessionUrl.getPort()).orElseThrow();
    sessions.add(demo);

    killLauncher();
    assertTrue(demo.isAlive(), "the session outlives its launcher");

    URI second = startLauncher(config, "second");
    Answer adopted = http.get(second.resolve("paraview/" + id));
    assertEquals(200, adopted.status(), adopted.body());
    assertEquals("ready", adopted.json().getString("state"));
    assertTrue(proxyFile().contains(id + " 127.0.0.1:" + sessionUrl.getPort()), proxyFile());
    assertEquals("still here", new WebSocketClient().echo(sessionUrl, "still here"));

    Answer deleted = http.delete(second.resolve("paraview/" + id));
    assertEquals(200, deleted.status(), deleted.body());
    assertTrue(demo.onExit().get(30, TimeUnit.SECONDS) != null);
    assertFalse(demo.isAlive());
    assertEquals("", proxyFile());
  }

  @Test
  void killedLauncherStopsItsSessionsWhenRestartedWithThePolicyStop() throws Exception {
    Path config = configuration("stop");
    URI first = startLauncher(config, "first");
    JsonObject created =
        http.post(first.resolve("paraview/"), "{\"application\": \"demo\"}").json();
    String id = created.getString("id");
    ProcessHandle demo =
        demoOn(URI.create(created.getString("sessionURL")).getPort()).orElseThrow();
    sessions.add(demo);

    killLauncher();
    URI second = startLauncher(config, "second");
    demo.onExit().get(30, TimeUnit.SECONDS);
    assertFalse(demo.isAlive(), "the orphaned session was stopped");
    assertEquals(404, http.get(second.resolve("paraview/" + id)).status());
    assertEquals("", proxyFile());
  }

  @Test
  void aFileWithoutDataDirStillHasItsSessionsFoundAfterAKill() throws Exception {
    int port = FreePorts.range(2);
    // An unchanged wslink file: no data_dir, no on_restart.
    json = DemoApp.configuration(folder, port, port + 1).app("demo", DemoApp.app());
    Path config = json.write();
    URI first = startLauncher(config, "first");
    JsonObject created =
        http.post(first.resolve("paraview/"), "{\"application\": \"demo\"}").json();
    String id = created.getString("id");
    ProcessHandle demo =
        demoOn(URI.create(created.getString("sessionURL")).getPort()).orElseThrow();
    sessions.add(demo);
    assertTrue(
        Files.exists(json.logDir().resolve("sessions").resolve(id + ".json")),
        "recorded under log_dir by default");

    killLauncher();
    URI second = startLauncher(config, "second");

    Answer adopted = http.get(second.resolve("paraview/" + id));
    assertEquals(200, adopted.status(), adopted.body());
    assertEquals("ready", adopted.json().getString("state"));
    assertEquals(200, http.delete(second.resolve("paraview/" + id)).status());
    demo.onExit().get(30, TimeUnit.SECONDS);
    assertEquals("", proxyFile());
  }

  private Path configuration(String policy) {
    int first = FreePorts.range(2);
    json =
        DemoApp.configuration(folder, first, first + 1)
            .set("configuration.data_dir", folder.resolve("data").toString())
            .set("configuration.on_restart", policy)
            .app("demo", DemoApp.app());
    return json.write();
  }

  private String proxyFile() throws Exception {
    Path file = json.proxyFile();
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private URI startLauncher(Path config, String name) throws Exception {
    Path ready = folder.resolve(name + ".uri");
    Process launcher =
        new ProcessBuilder(
                DemoApp.java(),
                "-cp",
                System.getProperty("java.class.path"),
                InProcessLauncherMain.class.getName(),
                config.toString(),
                ready.toString())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve(name + ".log").toFile())
            .start();
    launchers.add(launcher);
    Path log = folder.resolve(name + ".log");
    Waits.until(
        () -> "launcher " + name + " to start; its output: " + read(log),
        Duration.ofSeconds(60),
        () -> {
          if (!launcher.isAlive()) {
            throw new AssertionError("launcher " + name + " exited: " + read(log));
          }
          return Files.exists(ready);
        });
    return URI.create(Files.readString(ready));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "(" + e + ")";
    }
  }

  private void killLauncher() throws Exception {
    Process launcher = launchers.get(launchers.size() - 1);
    launcher.destroyForcibly();
    assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
  }

  private static Optional<ProcessHandle> demoOn(int port) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains("--port " + port))
        .filter(p -> p.info().commandLine().orElse("").contains("demo-session"))
        .findFirst();
  }
}
