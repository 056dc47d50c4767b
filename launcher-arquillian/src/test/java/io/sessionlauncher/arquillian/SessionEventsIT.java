package io.sessionlauncher.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.SseStream;
import java.time.Duration;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /<endpoint>/<id>/events} on the server the Maven profile picks (RESTEasy on Open
 * Liberty, Jersey on Payara Micro): the same stream of states as in-process, closed by the server
 * after the end.
 */
@ExtendWith(ArquillianExtension.class)
class SessionEventsIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final Http client = new Http(Deployments.root());

  @Deployment(testable = false)
  static Archive<?> deployment() {
    return Deployments.launcher();
  }

  @Test
  void aReadySessionsStreamFollowsItToItsEnd() throws Exception {
    Http.Answer created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), Deployments.server() + ": " + created.body());
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
    } finally {
      var unused = client.delete("paraview/" + id);
    }
  }

  private static SseStream.Event next(SseStream stream) throws InterruptedException {
    return stream.next(WAIT).orElseThrow(() -> new AssertionError("the stream closed early"));
  }
}
