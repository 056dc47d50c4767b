package io.sessionlauncher.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.proxy.ProxyMapFile;
import io.sessionlauncher.engine.testing.ChildProcessGuard;
import io.sessionlauncher.engine.testing.Engine;
import io.sessionlauncher.engine.testing.FreePorts;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.engine.testing.Processes;
import io.sessionlauncher.engine.testing.Scripts;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the proxy mapping file cannot be written, sessions still end cleanly: the launcher never
 * believes a process ended while it still runs, and never keeps one the client was told failed.
 */
class SessionManagerProxyFailureTest {
  private static final String READY = "Starting factory";

  @RegisterExtension final ChildProcessGuard guard = new ChildProcessGuard();

  @TempDir Path dir;

  private Path pids;
  private LauncherJson json;
  private Engine engine;

  @BeforeEach
  void startEngine() {
    pids = guard.trackPidFile(dir.resolve("pids"));
    int port = FreePorts.range(1);
    json =
        LauncherJson.in(dir)
            .resource("127.0.0.1", port, port)
            .stopGrace(2)
            .app("viz", Scripts.sh().recordPid(pids).say(READY).stayAlive().template(), READY);
    engine = new Engine(json.load());
  }

  @AfterEach
  void stopEngine() throws IOException {
    repairProxyFolder();
    engine.close();
  }

  /** Puts a plain file where the proxy file's folder should be, so every write fails. */
  private void breakProxyFolder() throws IOException {
    Path folder = json.proxyFile().getParent();
    Files.deleteIfExists(json.proxyFile());
    Files.deleteIfExists(folder);
    Files.writeString(folder, "not a folder");
  }

  private void repairProxyFolder() throws IOException {
    Path folder = json.proxyFile().getParent();
    if (Files.isRegularFile(folder)) {
      Files.delete(folder);
    }
  }

  private static LaunchRequest request() {
    return new LaunchRequest("viz", Map.of("application", "viz"), "tester");
  }

  private void assertNoRecordedProcessAlive() {
    List<Long> recorded = Processes.readPids(pids);
    assertTrue(!recorded.isEmpty(), "the children recorded no pid");
    assertEquals(
        List.of(),
        recorded.stream().filter(Processes::isAlive).collect(Collectors.toList()),
        "still alive");
  }

  @Test
  void stopEndsTheProcessTreeEvenWhenTheProxyFileCannotBeWritten() throws IOException {
    Session session = engine.sessions().create(request());
    Processes.awaitPids(pids, 1);
    breakProxyFolder();

    Session ended = engine.sessions().stop(session.id());

    assertEquals(SessionState.ENDED, ended.state());
    assertEquals(EndCause.STOPPED, ended.endCause());
    assertNoRecordedProcessAlive();
    assertEquals(engine.pool().size(), engine.pool().available());
    assertEquals(List.of(), engine.sessions().list());
  }

  @Test
  void aSessionThatCannotBeMappedIsStoppedAndReportedAsFailed() throws IOException {
    breakProxyFolder();

    ProxyMapFile.ProxyFileException e =
        assertThrows(
            ProxyMapFile.ProxyFileException.class, () -> engine.sessions().create(request()));

    assertTrue(e.getMessage().contains(json.proxyFile().toString()), e.getMessage());
    assertNoRecordedProcessAlive();
    assertEquals(List.of(), engine.sessions().list());
    assertEquals(engine.pool().size(), engine.pool().available());
  }
}
