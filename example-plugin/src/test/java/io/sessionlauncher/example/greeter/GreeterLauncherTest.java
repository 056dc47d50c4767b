package io.sessionlauncher.example.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.PluginException;
import io.sessionlauncher.spi.ProductLauncher;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The greeter as the launcher drives it inside the server: a {@link LaunchContext} with the
 * host/port pair the pool assigned.
 */
class GreeterLauncherTest {
  private static final Duration SHORT = Duration.ofSeconds(5);

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private ProductLauncher launcher;

  @AfterEach
  void stop() {
    if (launcher != null) {
      launcher.stop(Duration.ZERO);
    }
    executor.shutdownNow();
  }

  private ProductLauncher create(GreeterConfig config, HostPort resource) {
    LaunchContext context =
        new LaunchContext("session-1", resource, null, null, Duration.ofSeconds(1), 0, executor);
    launcher = new GreeterPlugin().create(config, context);
    return launcher;
  }

  @Test
  void listensOnTheAssignedPairAndAnswersEveryPath() throws Exception {
    int port = Web.freePort();
    ProductLauncher greeter =
        create(
            new GreeterConfig("Hi there", 8, "ignored.invalid"), new HostPort("127.0.0.1", port));
    assertEquals(Map.of(), greeter.urls(), "nothing before start");
    assertFalse(greeter.check(SHORT));

    greeter.start();

    assertEquals(Map.of("main", "127.0.0.1:" + port), greeter.urls());
    assertTrue(greeter.check(SHORT));
    for (String path : new String[] {"/", "/ws", "/any/path?x=1"}) {
      HttpResponse<String> answer = Web.get("127.0.0.1:" + port, path);
      assertEquals(200, answer.statusCode(), path);
      assertEquals("Hi there", answer.body(), path);
      assertEquals(
          "text/plain; charset=utf-8", answer.headers().firstValue("Content-Type").orElse(""));
    }
    HttpResponse<String> head = Web.send("HEAD", "127.0.0.1:" + port, "/");
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    HttpResponse<String> post = Web.send("POST", "127.0.0.1:" + port, "/");
    assertEquals(405, post.statusCode());
    assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
  }

  @Test
  void stopFreesThePortAndIsIdempotent() throws Exception {
    int port = Web.freePort();
    ProductLauncher greeter = create(GreeterConfig.DEFAULTS, new HostPort("127.0.0.1", port));
    greeter.stop(SHORT); // before start: nothing to do
    greeter.start();
    assertTrue(greeter.check(SHORT));

    greeter.stop(SHORT);
    greeter.stop(SHORT);

    assertFalse(greeter.check(SHORT));
    assertEquals(Map.of(), greeter.urls());
    assertTrue(Web.becomesFree(port, SHORT), "port " + port + " is free after stop");
  }

  @Test
  void busyPortFailsTheStartNamingItAndLeavesNothing() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = taken.getLocalPort();
      ProductLauncher greeter = create(GreeterConfig.DEFAULTS, new HostPort("127.0.0.1", port));

      PluginException failure = assertThrows(PluginException.class, greeter::start);

      assertTrue(failure.getMessage().contains("greeter"), failure.getMessage());
      assertTrue(failure.getMessage().contains("127.0.0.1:" + port), failure.getMessage());
      assertEquals(Map.of(), greeter.urls());
      assertFalse(greeter.check(SHORT));
    }
  }

  @Test
  void withoutAnAssignedPairItTakesAFreePortOnTheConfiguredHost() throws Exception {
    ProductLauncher greeter = create(new GreeterConfig("Hello", 4, "127.0.0.1"), null);
    greeter.start();

    String address = greeter.urls().get("main");
    assertTrue(address.startsWith("127.0.0.1:"), address);
    assertTrue(Web.port(address) > 0, address);
    assertEquals("Hello", Web.get(address, "/").body());
  }

  @Test
  void startingTwiceIsRefused() {
    ProductLauncher greeter = create(GreeterConfig.DEFAULTS, null);
    greeter.start();
    assertThrows(IllegalStateException.class, greeter::start);
    assertTrue(greeter.check(SHORT), "the first start is unaffected");
  }
}
