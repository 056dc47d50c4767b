package io.sessionlauncher.rest.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.FreePorts;
import io.sessionlauncher.rest.testing.Http;
import io.sessionlauncher.rest.testing.Http.Answer;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.rest.testing.LauncherJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-application limits, with real demo sessions: {@code max_sessions}, {@code max_lifetime},
 * {@code idle_timeout} (connections read from the kernel), and {@code log_retention}.
 */
class SupervisionLimitsTest {
  private static final String DEMO =
      "\"cmd\": [\"${java}\", \"-jar\", \"${demo}\", \"--host\", \"${host}\", \"--port\","
          + " \"${port}\"], \"ready_line\": \"Starting factory\"";

  @TempDir static Path folder;
  private static InProcessLauncher launcher;
  private static LauncherJson json;
  private final Http http = new Http();

  @BeforeAll
  static void start() {
    int first = FreePorts.range(4);
    json =
        new LauncherJson(folder, first, first + 3)
            .configuration("    \"sweep_interval\": 0.2, \"log_retention\": 1,\n")
            .app("single", "{" + DEMO + ", \"max_sessions\": 1}")
            .app("shortLived", "{" + DEMO + ", \"max_lifetime\": 1}")
            .app("idle", "{" + DEMO + ", \"idle_timeout\": 1.5}");
    launcher = InProcessLauncher.start(json.write());
  }

  @AfterAll
  static void stop() {
    launcher.close();
  }

  @AfterEach
  void endSessions() {
    launcher.sessions().list().forEach(session -> launcher.sessions().stop(session.id()));
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
    await(() -> state(id).equals("ended"), Duration.ofSeconds(15));
    Answer shown = http.get(launcher.uri("/paraview/" + id));
    assertEquals("lifetime", shown.json().getString("endCause"));
  }

  @Test
  void anIdleSessionIsStoppedButAConnectedOneIsNot() throws Exception {
    Answer created = launch("idle");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    URI url = URI.create(created.json().getString("sessionURL"));
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(url, new WebSocket.Listener() {})
            .get(10, TimeUnit.SECONDS);
    try {
      // Three idle timeouts with a connection open: the session stays.
      Instant until = Instant.now().plusMillis(4500);
      while (Instant.now().isBefore(until)) {
        assertEquals("ready", state(id), "ended although connected");
        LockSupport.parkNanos(200_000_000L);
      }
    } finally {
      socket.abort();
    }
    await(() -> state(id).equals("ended"), Duration.ofSeconds(15));
    assertEquals("idle", http.get(launcher.uri("/paraview/" + id)).json().getString("endCause"));
  }

  @Test
  void logsAreRemovedTheirRetentionAfterTheSessionEnded() {
    Answer created = launch("single");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    Path log = json.logDir().resolve(id + ".txt");
    assertTrue(Files.exists(log));
    http.delete(launcher.uri("/paraview/" + id));
    await(() -> !Files.exists(log), Duration.ofSeconds(15));
  }

  private static void await(BooleanSupplier condition, Duration limit) {
    Instant end = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("not true within " + limit);
      }
      LockSupport.parkNanos(100_000_000L);
    }
  }
}
