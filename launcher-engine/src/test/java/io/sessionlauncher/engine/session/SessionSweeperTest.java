package io.sessionlauncher.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.testing.Await;
import io.sessionlauncher.engine.testing.ChildProcessGuard;
import io.sessionlauncher.engine.testing.Engine;
import io.sessionlauncher.engine.testing.ExtraBeans;
import io.sessionlauncher.engine.testing.FreePorts;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.engine.testing.Scripts;
import io.sessionlauncher.engine.testing.TestClock;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweeper's rules on a clock the test moves, with real session processes: sweeps are called by
 * the test (the configured interval is an hour), so no test waits for time to pass.
 */
class SessionSweeperTest {
  private static final String READY = "Starting factory";
  private static final Duration SOON = Duration.ofSeconds(10);

  @RegisterExtension final ChildProcessGuard guard = new ChildProcessGuard();

  @TempDir Path dir;

  private final TestClock clock = TestClock.atFixedInstant();
  private Engine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  private SessionManager start(Map<String, Object> limits) {
    int port = FreePorts.range(1);
    LauncherJson json =
        LauncherJson.in(dir)
            .resource("127.0.0.1", port, port)
            .set("configuration.sweep_interval", 3600)
            .set("configuration.max_log_size", 1000)
            .app("viz", Scripts.sh().say(READY).stayAlive().template(), READY);
    limits.forEach((key, value) -> json.set("apps.viz." + key, value));
    engine = new Engine(json.load(), new ExtraBeans().replace(Clock.class, clock));
    return engine.sessions();
  }

  private SessionSweeper sweeper() {
    return engine.bean(SessionSweeper.class);
  }

  private static LaunchRequest request() {
    return new LaunchRequest("viz", Map.of("application", "viz"), "tester");
  }

  private Session awaitEnded(SessionManager sessions, Session session) {
    Await.until(
        SOON,
        () -> sessions.find(session.id()).map(s -> s.state() == SessionState.ENDED).orElse(false),
        "session " + session.id() + " ended");
    return sessions.find(session.id()).orElseThrow();
  }

  @Test
  void aSessionPastItsLifetimeIsEndedAndNotBefore() {
    SessionManager sessions = start(Map.of("max_lifetime", 60));
    Session session = sessions.create(request());

    clock.advance(Duration.ofSeconds(59));
    sweeper().sweep();
    assertFalse(
        Await.holdsWithin(Duration.ofMillis(300), () -> sessions.list().isEmpty()),
        "ended before its lifetime");

    clock.advance(Duration.ofSeconds(2));
    sweeper().sweep();

    assertEquals(EndCause.LIFETIME, awaitEnded(sessions, session).endCause());
  }

  @Test
  void aSessionNobodyConnectsToIsEndedAfterItsIdleTimeout() {
    SessionManager sessions = start(Map.of("idle_timeout", 30));
    Session session = sessions.create(request());

    clock.advance(Duration.ofSeconds(29));
    sweeper().sweep();
    assertEquals(SessionState.READY, sessions.find(session.id()).orElseThrow().state());

    clock.advance(Duration.ofSeconds(2));
    sweeper().sweep();

    assertEquals(EndCause.IDLE, awaitEnded(sessions, session).endCause());
  }

  @Test
  void anOpenProxiedConnectionKeepsASessionInUseAndItsCloseStartsTheIdleTime() {
    SessionManager sessions = start(Map.of("idle_timeout", 30));
    Session session = sessions.create(request());
    SessionTraffic traffic = engine.bean(SessionTraffic.class);
    ProxiedConnection connection = traffic.open(session.id()).orElseThrow();
    assertEquals(1, traffic.activity(session.id()).orElseThrow().proxiedConnections());

    clock.advance(Duration.ofSeconds(45));
    sweeper().sweep();
    assertEquals(SessionState.READY, sessions.find(session.id()).orElseThrow().state());

    connection.close();
    connection.close();
    SessionActivity closed = traffic.activity(session.id()).orElseThrow();
    assertEquals(new SessionActivity(0, clock.instant()), closed);
    clock.advance(Duration.ofSeconds(29));
    sweeper().sweep();
    assertEquals(SessionState.READY, sessions.find(session.id()).orElseThrow().state());

    clock.advance(Duration.ofSeconds(2));
    sweeper().sweep();
    assertEquals(EndCause.IDLE, awaitEnded(sessions, session).endCause());
  }

  @Test
  void proxiedTrafficIsActivityForTheIdleTimeout() {
    SessionManager sessions = start(Map.of("idle_timeout", 30));
    Session session = sessions.create(request());
    SessionTraffic traffic = engine.bean(SessionTraffic.class);
    ProxiedConnection connection = traffic.open(session.id()).orElseThrow();
    connection.close();

    clock.advance(Duration.ofSeconds(20));
    connection.touch();
    assertEquals(clock.instant(), traffic.activity(session.id()).orElseThrow().lastActive());
    clock.advance(Duration.ofSeconds(20));
    sweeper().sweep();
    assertEquals(SessionState.READY, sessions.find(session.id()).orElseThrow().state());
  }

  @Test
  void noConnectionIsCountedToASessionThatIsNotReady() {
    SessionManager sessions = start(Map.of());
    Session session = sessions.create(request());
    SessionTraffic traffic = engine.bean(SessionTraffic.class);
    sessions.stop(session.id());

    assertTrue(traffic.open(session.id()).isEmpty());
    assertTrue(traffic.activity(session.id()).isEmpty());
    assertTrue(traffic.open(io.sessionlauncher.model.SessionId.random()).isEmpty());
  }

  @Test
  void endedSessionsAreForgottenAfterKeepEnded() {
    SessionManager sessions = start(Map.of());
    Session session = sessions.create(request());
    sessions.stop(session.id());
    assertTrue(sessions.find(session.id()).isPresent());

    clock.advance(Duration.ofHours(2));
    sweeper().sweep();

    assertFalse(sessions.find(session.id()).isPresent());
  }

  @Test
  void aLogPastItsSizeIsCutBackBySweeps() throws IOException {
    SessionManager sessions = start(Map.of());
    Session session = sessions.create(request());
    Path log = engine.config().configuration().logDir().resolve(session.id() + ".txt");
    long cap = engine.config().configuration().supervision().maxLogBytes();
    Files.writeString(log, "x".repeat((int) cap + 10), java.nio.file.StandardOpenOption.APPEND);

    sweeper().sweep();

    assertTrue(Files.size(log) <= cap, "log of " + Files.size(log) + " bytes, cap " + cap);
    assertTrue(Files.readString(log).startsWith(READY), "the start of the log is kept");
  }

  @Test
  void sweepsRunOnTheSchedulerUntilShutdown() {
    start(Map.of());
    assertTrue(sweeper().running());

    engine.sessions().shutdown();

    assertFalse(sweeper().running());
  }
}
