package io.sessionlauncher.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.testing.Await;
import io.sessionlauncher.engine.testing.ChildProcessGuard;
import io.sessionlauncher.engine.testing.Engine;
import io.sessionlauncher.engine.testing.FreePorts;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.engine.testing.Processes;
import io.sessionlauncher.engine.testing.Scripts;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session's environment: the secret can reach the program through {@code env} rather than its
 * command line (which every local user can read), and an app can refuse the server's environment
 * but for the variables it names.
 */
class SessionEnvironmentTest {
  private static final String READY = "Starting factory";

  @RegisterExtension final ChildProcessGuard guard = new ChildProcessGuard();

  @TempDir Path dir;

  private Engine engine;

  @AfterEach
  void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  private Session start(List<String> inheritEnv) {
    Path pids = guard.trackPidFile(dir.resolve("pids"));
    Scripts script =
        Scripts.sh()
            .recordPid(pids)
            .step("printf 'secret=%s\\n' \"$SESSION_SECRET\"")
            .step("printf 'home=%s\\n' \"${HOME:-unset}\"")
            .step("printf 'marker=%s\\n' \"$SESSION_LAUNCHER_SESSION\"")
            .say(READY)
            .stayAlive();
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("cmd", script.template());
    app.put("ready_line", READY);
    app.put("env", Map.of("SESSION_SECRET", "${secret}"));
    if (inheritEnv != null) {
      app.put("inherit_env", inheritEnv);
    }
    int port = FreePorts.range(1);
    engine =
        new Engine(
            LauncherJson.in(dir)
                .resource("127.0.0.1", port, port)
                .timeout(20)
                .set("apps.viz", app)
                .load());
    Session session =
        engine.sessions().create(new LaunchRequest("viz", Map.of("application", "viz"), "tester"));
    Processes.awaitPids(pids, 1);
    return session;
  }

  private String log(Session session) {
    Path file = engine.config().configuration().logDir().resolve(session.id() + ".txt");
    return Await.value(
        Duration.ofSeconds(10),
        () -> {
          try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.contains(READY) ? java.util.Optional.of(text) : java.util.Optional.empty();
          } catch (IOException e) {
            return java.util.Optional.empty();
          }
        },
        () -> "the log of " + session.id());
  }

  private static String commandLine(long pid) throws IOException {
    return new String(
        Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
        StandardCharsets.UTF_8);
  }

  @Test
  void theSecretReachesTheProgramThroughItsEnvironmentNotItsCommandLine() throws IOException {
    Session session = start(null);
    String secret = (String) session.data().get("secret");

    String log = log(session);

    assertTrue(log.contains("secret=" + secret + "\n"), log);
    assertTrue(log.contains("marker=" + session.id() + "\n"), log);
    assertTrue(session.secretShared(), "the client needs the secret the program checks");
    long pid = Processes.readPids(dir.resolve("pids")).get(0);
    assertFalse(commandLine(pid).contains(secret), "the secret is on the command line");
  }

  @Test
  void anAppThatNamesWhatItInheritsGetsNothingElseOfTheServersEnvironment() {
    Session session = start(List.of("PATH"));

    String log = log(session);

    assertTrue(log.contains("home=unset\n"), log);
    assertTrue(log.contains("secret=" + session.data().get("secret") + "\n"), log);
    assertTrue(log.contains("marker=" + session.id() + "\n"), log);
  }

  @Test
  void byDefaultTheServersEnvironmentIsInherited() {
    Session session = start(null);

    assertEquals(
        true,
        log(session).contains("home=" + System.getenv().getOrDefault("HOME", "unset") + "\n"));
  }
}
