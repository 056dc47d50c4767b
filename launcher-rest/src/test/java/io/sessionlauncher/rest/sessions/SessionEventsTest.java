package io.sessionlauncher.rest.sessions;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.SseStream;
import io.sessionlauncher.testing.Waits;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /<endpoint>/<id>/events}: a session's states as Server-Sent Events, from the one it is
 * in to {@code ended}, each once and in order, and the stream closed after the end.
 */
class SessionEventsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(
          2,
          json ->
              json.app(
                  "slow",
                  // Ready a second after it starts, so a client can watch it starting.
                  List.of("/bin/sh", "-c", "sleep 1; echo up and ready; exec sleep 600"),
                  "up and ready"));

  private final Http http = new Http(launcher.base());

  @AfterEach
  void endSessions() {
    launcher.stopAllSessions();
  }

  @Test
  void aClientSeesStartingReadyStoppingAndEndedThenTheStreamCloses() throws Exception {
    CompletableFuture<Http.Answer> launch =
        CompletableFuture.supplyAsync(() -> http.post("paraview/", "{\"application\": \"slow\"}"));
    String id =
        Waits.value(
            "the session to be listed while it starts",
            WAIT,
            () -> starting(http.get("paraview/").json()));

    try (SseStream stream = SseStream.open(launcher.uri("paraview/" + id + "/events"))) {
      assertEquals(200, stream.status());
      assertTrue(stream.contentType().orElse("").startsWith("text/event-stream"));
      assertEquals("starting", state(stream).getString("state"));
      assertEquals("ready", state(stream).getString("state"));
      assertEquals(200, launch.get().status());

      assertEquals(200, http.delete("paraview/" + id).status());
      assertEquals("stopping", state(stream).getString("state"));
      JsonObject ended = state(stream);
      assertEquals("ended", ended.getString("state"));
      assertEquals("stopped", ended.getString("endCause"));
      assertEquals(id, ended.getString("id"));
      assertEquals(Optional.empty(), stream.next(WAIT), "closed after the end");
    }
  }

  @Test
  void anEndedSessionGivesItsEndAndCloses() throws Exception {
    String id = http.post("paraview/", "{\"application\": \"slow\"}").json().getString("id");
    http.delete("paraview/" + id);
    try (SseStream stream = SseStream.open(launcher.uri("paraview/" + id + "/events"))) {
      assertEquals("ended", state(stream).getString("state"));
      assertEquals(Optional.empty(), stream.next(WAIT));
    }
  }

  @Test
  void anUnknownSessionIsTheJson404() {
    assertJsonError(
        http.get("paraview/3b241101-e2bb-4255-8caf-4136c566a962/events"),
        404,
        "No session with id");
  }

  private static JsonObject state(SseStream stream) throws InterruptedException {
    SseStream.Event event = stream.next(WAIT).orElseThrow(() -> new AssertionError("closed"));
    assertEquals("state", event.name());
    JsonObject data = Json.createReader(new StringReader(event.data())).readObject();
    assertEquals(data.getString("state"), event.id());
    return data;
  }

  private static Optional<String> starting(JsonObject listing) {
    return listing.getJsonArray("sessions").stream()
        .map(JsonValue::asJsonObject)
        .filter(session -> "starting".equals(session.getString("state")))
        .map(session -> session.getString("id"))
        .findFirst();
  }
}
