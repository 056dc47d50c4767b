package io.sessionlauncher.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.persist.SessionStore;
import io.sessionlauncher.engine.persist.StoredSession;
import io.sessionlauncher.engine.process.SessionMarker;
import io.sessionlauncher.engine.testing.Await;
import io.sessionlauncher.engine.testing.ChildProcessGuard;
import io.sessionlauncher.engine.testing.Engine;
import io.sessionlauncher.engine.testing.ExtraBeans;
import io.sessionlauncher.engine.testing.FreePorts;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.engine.testing.Processes;
import io.sessionlauncher.engine.testing.Scripts;
import io.sessionlauncher.engine.testing.TestClock;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launcher starting with records left by its predecessor, on a clock the test moves: a live,
 * ready session is adopted (and then supervised by that clock), a dead one is forgotten.
 */
class SessionRecoveryTest {
  private static final Duration SOON = Duration.ofSeconds(10);

  @RegisterExtension final ChildProcessGuard guard = new ChildProcessGuard();

  @TempDir Path dir;

  private final TestClock clock = TestClock.atFixedInstant();
  private Engine engine;
  private int port;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  private LauncherJson config() {
    port = FreePorts.range(1);
    return LauncherJson.in(dir)
        .resource("127.0.0.1", port, port)
        .set("configuration.sweep_interval", 3600)
        .set("configuration.data_dir", dir.resolve("data").toString())
        .set("apps.viz", Map.of("cmd", List.of("sleep", "100"), "idle_timeout", 30));
  }

  private StoredSession record(ProcessHandle process, boolean ready) {
    return new StoredSession(
        SessionId.random().toString(),
        "viz",
        "tester",
        new HostPort("127.0.0.1", port),
        process.pid(),
        process.info().startInstant().orElseThrow(),
        clock.instant().minus(Duration.ofHours(1)),
        false,
        Map.of("id", "x"),
        ready);
  }

  private ProcessHandle sleeper() throws IOException {
    return guard.track(new ProcessBuilder("sleep", "100").start()).toHandle();
  }

  @Test
  void aLiveReadySessionIsAdoptedAndItsIdlenessCountsFromTheAdoption() throws IOException {
    LauncherJson json = config();
    ProcessHandle process = sleeper();
    StoredSession stored = record(process, true);
    SessionStore store = new SessionStore(dir.resolve("data"));
    store.save(stored);

    engine = new Engine(json.load(), new ExtraBeans().replace(Clock.class, clock));
    SessionId id = SessionId.parse(stored.id()).orElseThrow();
    Session adopted = engine.sessions().find(id).orElseThrow();
    assertEquals(SessionState.READY, adopted.state());
    assertEquals(stored.createdAt(), adopted.createdAt());
    assertEquals(0, engine.pool().available(), "its port is taken");

    clock.advance(Duration.ofSeconds(29));
    engine.bean(SessionSweeper.class).sweep();
    assertTrue(process.isAlive());

    clock.advance(Duration.ofSeconds(2));
    engine.bean(SessionSweeper.class).sweep();

    Await.until(SOON, () -> !process.isAlive(), "the adopted process stopped");
    Await.until(
        SOON,
        () -> engine.sessions().find(id).map(s -> s.state() == SessionState.ENDED).orElse(false),
        "the adopted session ended");
    assertEquals(EndCause.IDLE, engine.sessions().find(id).orElseThrow().endCause());
    // The record is forgotten by an observer of the end, a moment after the state reads ended.
    Await.until(SOON, () -> store.load().isEmpty(), "its record is gone");
  }

  @Test
  void aRecordOfADeadProcessIsForgottenAndALiveUnreadyOneIsStopped() throws Exception {
    LauncherJson json = config();
    Process dead = guard.track(new ProcessBuilder("sleep", "100").start());
    StoredSession deadRecord = record(dead.toHandle(), true);
    dead.destroy();
    dead.waitFor();
    ProcessHandle unready = sleeper();
    SessionStore store = new SessionStore(dir.resolve("data"));
    store.save(deadRecord);
    store.save(record(unready, false));

    engine = new Engine(json.load(), new ExtraBeans().replace(Clock.class, clock));

    assertEquals(List.of(), engine.sessions().list());
    // Stopped before start-up ends; the JDK reaps its child a moment later.
    Await.until(
        SOON, () -> !unready.isAlive(), "a session that was never ready stopped, not adopted");
    assertEquals(List.of(), store.load());
    assertEquals(1, engine.pool().available());
  }

  @Test
  void whatASessionEndedWhileTheLauncherWasDownLeftBehindIsStopped() throws Exception {
    LauncherJson json = config();
    Path pids = guard.trackPidFile(dir.resolve("pids"));
    SessionId id = SessionId.random();
    // The launcher starts a session's processes with its id as their marker.
    ProcessBuilder builder = new ProcessBuilder(Scripts.sh().daemonizeSleeper(pids).argv());
    builder.environment().put(SessionMarker.VARIABLE, id.toString());
    Process root = guard.track(builder.start());
    List<Long> daemon = Processes.awaitPids(pids, 1);
    root.waitFor();
    new SessionStore(dir.resolve("data"))
        .save(
            new StoredSession(
                id.toString(),
                "viz",
                "tester",
                new HostPort("127.0.0.1", port),
                root.pid(),
                clock.instant(),
                clock.instant(),
                false,
                Map.of(),
                true));

    engine = new Engine(json.load(), new ExtraBeans().replace(Clock.class, clock));

    Processes.assertPidsGone(daemon);
    assertEquals(List.of(), engine.sessions().list());
  }
}
