package io.sessionlauncher.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sessionlauncher.engine.testing.Await;
import io.sessionlauncher.engine.testing.ChildProcessGuard;
import io.sessionlauncher.engine.testing.Engine;
import io.sessionlauncher.engine.testing.FreePorts;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.engine.testing.Processes;
import io.sessionlauncher.engine.testing.Scripts;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.model.SessionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes that leave a session's tree and process group ({@code setsid}, a daemon's double fork)
 * are stopped with the session however it ends: each carries the session's marker.
 */
class DetachedProcessesTest {
  private static final String READY = "Starting factory";

  @RegisterExtension final ChildProcessGuard guard = new ChildProcessGuard();

  @TempDir Path dir;

  private Path pids;
  private Engine engine;

  @BeforeEach
  void trackPids() {
    pids = guard.trackPidFile(dir.resolve("pids"));
  }

  @AfterEach
  void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  private Engine start(Scripts script) {
    int port = FreePorts.range(1);
    engine =
        new Engine(
            LauncherJson.in(dir)
                .resource("127.0.0.1", port, port)
                .timeout(20)
                .stopGrace(1)
                .app("viz", script.template(), READY)
                .load());
    return engine;
  }

  private static LaunchRequest request() {
    return new LaunchRequest("viz", Map.of("application", "viz"), "tester");
  }

  private void assertNothingLeft() {
    assertEquals(List.of(), engine.sessions().list());
    assertEquals(engine.pool().size(), engine.pool().available(), "every pair back in the pool");
    assertEquals("", engine.proxy().read());
  }

  @Test
  void aStopEndsADaemonAndADetachedChildOfTheSession() {
    start(
        Scripts.sh()
            .recordPid(pids)
            .detachSleeper(pids)
            .daemonizeSleeper(pids)
            .say(READY)
            .waitForChildren());
    Session session = engine.sessions().create(request());
    List<Long> recorded = Processes.awaitPids(pids, 3);

    Session ended = engine.sessions().stop(session.id());

    assertEquals(EndCause.STOPPED, ended.endCause());
    Processes.assertPidsGone(recorded);
    assertNothingLeft();
  }

  @Test
  void whatASessionDetachedIsStoppedWhenItsProgramExitsOnItsOwn() throws IOException {
    Path go = dir.resolve("go");
    start(
        Scripts.sh()
            .detachSleeper(pids)
            .daemonizeSleeper(pids)
            .say(READY)
            // Exits once the test has seen it ready: an exit before would be a failed start.
            .step(
                "i=0; while [ ! -e "
                    + Scripts.quote(go.toString())
                    + " ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done")
            .exit(0));
    Session session = engine.sessions().create(request());
    Processes.awaitPids(pids, 2);
    Files.writeString(go, "");

    Session ended =
        Await.value(
            Duration.ofSeconds(10),
            () -> engine.sessions().find(session.id()).filter(s -> s.state() == SessionState.ENDED),
            () -> "the exit noticed; now " + engine.sessions().find(session.id()));

    assertEquals(EndCause.EXITED, ended.endCause());
    Processes.assertPidsGone(Processes.readPids(pids));
    assertNothingLeft();
  }

  @Test
  void whatASessionDetachedIsStoppedWhenItExitsBeforeReady() {
    start(
        Scripts.sh()
            .daemonizeSleeper(pids)
            .step("while [ ! -s " + Scripts.quote(pids.toString()) + " ]; do sleep 0.05; done")
            .exit(3));

    SessionStartException e =
        assertThrows(SessionStartException.class, () -> engine.sessions().create(request()));

    assertEquals(SessionStartException.Reason.EXITED, e.reason());
    Processes.assertPidsGone(Processes.readPids(pids));
    assertNothingLeft();
  }

  @Test
  void shutdownEndsWhatEverySessionDetached() {
    start(Scripts.sh().daemonizeSleeper(pids).say(READY).stayAlive());
    engine.sessions().create(request());
    List<Long> recorded = Processes.awaitPids(pids, 1);

    engine.close();
    engine = null;

    Processes.assertPidsGone(recorded);
  }
}
