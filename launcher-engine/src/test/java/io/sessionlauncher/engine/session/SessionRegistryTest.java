package io.sessionlauncher.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.testing.TestClock;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.AppLimits;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry's counts, lookups and retention of ended sessions, on a clock the test moves. */
class SessionRegistryTest {
  private static final Duration KEEP_ENDED = Duration.ofMinutes(5);

  private final TestClock clock = TestClock.atFixedInstant();
  private final SessionRegistry registry = new SessionRegistry(KEEP_ENDED, clock);
  private int nextPort = 9000;

  private static AppConfig app(String name) {
    return new AppConfig(name, "process", "local", Map.of("cmd", List.of("true")), AppLimits.NONE);
  }

  private Admission admit(String app, String owner) {
    Admission admission =
        new Admission(SessionId.random(), app(app), owner, new HostPort("127.0.0.1", nextPort++));
    registry.reserve(admission);
    return admission;
  }

  private LiveSession live(Admission admission) {
    LiveSession session =
        Starting.session(
            admission.id(),
            admission.app().name(),
            admission.owner(),
            admission.resource(),
            clock.instant());
    registry.add(session);
    return session;
  }

  @Test
  void admittedSessionsCountByApplicationAndOwnerUntilReleased() {
    Admission a = admit("viz", "alice");
    admit("viz", "bob");
    admit("files", "alice");

    assertEquals(2, registry.countOfApp("viz"));
    assertEquals(1, registry.countOfApp("files"));
    assertEquals(2, registry.countOfOwner("alice"));
    assertEquals(0, registry.countOfOwner("carol"));

    registry.release(a.id(), "viz", "alice");

    assertEquals(1, registry.countOfApp("viz"));
    assertEquals(1, registry.countOfOwner("alice"));
  }

  @Test
  void aRegisteredSessionIsCountedOnceAndFoundUntilRemoved() {
    Admission admission = admit("viz", "alice");
    LiveSession session = live(admission);

    assertEquals(1, registry.countOfApp("viz"));
    assertTrue(registry.find(admission.id()).isPresent());
    assertEquals(List.of(session.snapshot()), registry.list());

    Session ended = session.snapshot().ended(clock.instant(), 0, EndCause.STOPPED);
    registry.remove(ended, false);

    assertEquals(0, registry.countOfApp("viz"));
    assertEquals(0, registry.countOfOwner("alice"));
    assertFalse(registry.find(admission.id()).isPresent(), "a never-ready session is not kept");
    assertEquals(List.of(), registry.list());
  }

  @Test
  void anEndedSessionIsFoundForKeepEndedThenForgotten() {
    Admission admission = admit("viz", "alice");
    LiveSession session = live(admission);
    registry.remove(session.snapshot().ended(clock.instant(), 0, EndCause.STOPPED), true);

    clock.advance(KEEP_ENDED.minusSeconds(1));
    assertEquals(SessionState.ENDED, registry.find(admission.id()).orElseThrow().state());

    clock.advance(Duration.ofSeconds(2));
    assertFalse(registry.find(admission.id()).isPresent(), "found after keep_ended");

    registry.forgetOldEnded();
    clock.advance(KEEP_ENDED.negated().multipliedBy(2));
    assertFalse(registry.find(admission.id()).isPresent(), "kept after forgetOldEnded");
  }

  @Test
  void listsAreOldestFirst() {
    LiveSession first = live(admit("viz", "a"));
    clock.advance(Duration.ofSeconds(1));
    LiveSession second = live(admit("viz", "a"));

    assertEquals(List.of(first.snapshot(), second.snapshot()), registry.list());
  }
}
