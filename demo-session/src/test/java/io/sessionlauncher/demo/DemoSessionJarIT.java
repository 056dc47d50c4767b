package io.sessionlauncher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded jar with {@code java -jar}, so a broken manifest, a lost service file or a
 * missing dependency in the jar fails the build, not the launcher.
 */
class DemoSessionJarIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private ChildSession child;

  @AfterEach
  void stopChild() throws InterruptedException {
    if (child != null) {
      child.stop();
    }
  }

  @Test
  void theShadedJarServesHttpAndWebSocketAndStopsQuietly() throws Exception {
    Path jar = Path.of(System.getProperty("demo-session.jar", "target/missing.jar"));
    assertTrue(Files.isRegularFile(jar), "no packaged jar at " + jar);
    int port = ChildSession.freePort();
    child = ChildSession.fromJar(jar, "--port", String.valueOf(port), "--secret", "jar-secret");

    assertEquals(Optional.of("Starting factory"), child.nextLine(ChildSession.STARTUP_TIMEOUT));

    HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
    HttpResponse<String> greeting =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(WAIT)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, greeting.statusCode());
    assertEquals("demo session on port " + port, greeting.body().strip());

    RecordingListener listener = new RecordingListener();
    WebSocket socket =
        http.newWebSocketBuilder()
            .connectTimeout(WAIT)
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?secret=jar-secret"), listener)
            .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    try {
      socket.sendText("from the jar", true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertEquals("from the jar", listener.nextMessage(WAIT));
    } finally {
      socket.abort();
    }

    child.process().destroy();
    assertEquals(143, child.awaitExit(WAIT), child::stderr);
    assertEquals("", child.stderrWithoutJdkUnsafeNotices().strip());
  }
}
