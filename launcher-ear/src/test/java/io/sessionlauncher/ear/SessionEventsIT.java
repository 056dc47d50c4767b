package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.SseStream;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /<endpoint>/<id>/events} on Liberty's RESTEasy: the same stream of states as on
 * Jersey, closed by the server after the end.
 */
class SessionEventsIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final Http client = new Http(LibertyServer.base());

  @Test
  void aReadySessionsStreamFollowsItToItsEnd() throws Exception {
    Http.Answer created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    try (SseStream stream = SseStream.open(client.uri("paraview/" + id + "/events"))) {
      assertEquals(200, stream.status());
      assertTrue(stream.contentType().orElse("").startsWith("text/event-stream"));
      assertTrue(next(stream).data().contains("\"state\":\"ready\""));
      assertEquals(200, client.delete("paraview/" + id).status());
      assertEquals("stopping", next(stream).id());
      SseStream.Event ended = next(stream);
      assertEquals("state", ended.name());
      assertEquals("ended", ended.id());
      assertTrue(ended.data().contains("\"endCause\":\"stopped\""), ended.data());
      assertEquals(Optional.empty(), stream.next(WAIT), "closed after the end");
    }
  }

  private static SseStream.Event next(SseStream stream) throws InterruptedException {
    return stream.next(WAIT).orElseThrow(() -> new AssertionError("the stream closed early"));
  }
}
