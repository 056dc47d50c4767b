package io.sessionlauncher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.FreePorts;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.WebSocketClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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
    int port = FreePorts.find();
    child = ChildSession.fromJar(jar, "--port", String.valueOf(port), "--secret", "jar-secret");

    assertEquals(Optional.of("Starting factory"), child.nextLine(ChildSession.STARTUP_TIMEOUT));

    Http.Answer greeting = new Http().get(URI.create("http://127.0.0.1:" + port + "/"));
    assertEquals(200, greeting.status());
    assertEquals("demo session on port " + port, greeting.body().strip());

    try (WebSocketClient.Connection socket =
        new WebSocketClient()
            .connect(URI.create("ws://127.0.0.1:" + port + "/ws?secret=jar-secret"))) {
      socket.sendText("from the jar");
      assertEquals("from the jar", socket.nextMessage(WAIT));
    }

    child.process().destroy();
    assertEquals(143, child.awaitExit(WAIT), child::stderr);
    assertEquals("", child.stderrWithoutJdkUnsafeNotices().strip());
  }
}
