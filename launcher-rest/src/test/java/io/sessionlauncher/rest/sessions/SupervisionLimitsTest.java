package io.sessionlauncher.rest.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import io.sessionlauncher.testing.Waits;
import io.sessionlauncher.testing.WebSocketClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per-application limits, with real demo sessions: {@code max_sessions}, {@code max_lifetime},
 * {@code idle_timeout} (connections read from the kernel), and {@code log_retention}.
 */
class SupervisionLimitsTest {
  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(
          4,
          json ->
              json.set("configuration.sweep_interval", 0.2)
                  .set("configuration.log_retention", 1)
                  .app("single", DemoApp.app(Map.of("max_sessions", 1)))
                  .app("shortLived", DemoApp.app(Map.of("max_lifetime", 1)))
                  .app("idle", DemoApp.app(Map.of("idle_timeout", 1.5))));

  private final Http http = new Http();

  @AfterEach
  void endSessions() {
    launcher.stopAllSessions();
  }

  private Answer launch(String app) {
    return http.post(launcher.uri("/paraview/"), "{\"application\": \"" + app + "\"}");
  }

  private String state(String id) {
    return http.get(launcher.uri("/paraview/" + id)).json().getString("state");
  }

  @Test
  void maxSessionsRefusesTheNextSessionWithRetryAfter() {
    Answer first = launch("single");
    assertEquals(200, first.status(), first.body());
    Answer second = launch("single");
    assertEquals(503, second.status(), second.body());
    assertTrue(second.json().getString("error").contains("'single'"), second.body());
    assertEquals("5", second.header("Retry-After"));
    http.delete(launcher.uri("/paraview/" + first.json().getString("id")));
    assertEquals(200, launch("single").status(), "a slot is free again after the stop");
  }

  @Test
  void aSessionIsStoppedAtItsMaximumLifetime() {
    Answer created = launch("shortLived");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    Waits.until(
        "session " + id + " ended", Duration.ofSeconds(15), () -> state(id).equals("ended"));
    Answer shown = http.get(launcher.uri("/paraview/" + id));
    assertEquals("lifetime", shown.json().getString("endCause"));
  }

  @Test
  void anIdleSessionIsStoppedButAConnectedOneIsNot() throws Exception {
    Answer created = launch("idle");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    URI url = URI.create(created.json().getString("sessionURL"));
    try (WebSocketClient.Connection connected = new WebSocketClient().connect(url)) {
      // Three idle timeouts with a connection open: the session stays.
      Instant until = Instant.now().plusMillis(4500);
      while (Instant.now().isBefore(until)) {
        assertEquals("ready", state(id), "ended although connected");
        assertFalse(connected.ended().isDone(), "the connection was closed");
        LockSupport.parkNanos(200_000_000L);
      }
    }
    Waits.until(
        "session " + id + " ended", Duration.ofSeconds(15), () -> state(id).equals("ended"));
    assertEquals("idle", http.get(launcher.uri("/paraview/" + id)).json().getString("endCause"));
  }

  @Test
  void logsAreRemovedTheirRetentionAfterTheSessionEnded() {
    Answer created = launch("single");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    Path log = launcher.json().logDir().resolve(id + ".txt");
    assertTrue(Files.exists(log));
    http.delete(launcher.uri("/paraview/" + id));
    Waits.until(log + " removed", Duration.ofSeconds(15), () -> !Files.exists(log));
  }
}
