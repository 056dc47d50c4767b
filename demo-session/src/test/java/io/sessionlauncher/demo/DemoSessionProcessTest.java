package io.sessionlauncher.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.FreePorts;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import io.sessionlauncher.testing.WebSocketClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the demo session as a real child JVM and talks to it over HTTP and WebSocket. */
class DemoSessionProcessTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PORT_PLACEHOLDER = "<free port>";

  private final List<ChildSession> children = new ArrayList<>();
  private final Http http = new Http();
  private final WebSocketClient webSockets = new WebSocketClient();

  @AfterEach
  void stopChildren() throws InterruptedException {
    for (ChildSession child : children) {
      child.stop();
    }
  }

  @Test
  void printsTheDefaultReadyLineFirstAndGreetsEveryPathButWs() throws Exception {
    int port = FreePorts.find();
    ChildSession child = start("--port", String.valueOf(port));

    assertEquals(Optional.of("Starting factory"), child.nextLine(ChildSession.STARTUP_TIMEOUT));
    // No retry: once the ready line is out, the port must already accept requests.
    for (String path : List.of("/", "/some/page?x=1")) {
      Http.Answer response = get(port, path);
      assertEquals(200, response.status(), path);
      assertEquals(
          "text/plain; charset=UTF-8", response.headers().firstValue("Content-Type").orElse(""));
      assertEquals("demo session on port " + port, response.body().strip());
    }
    HttpRequest post =
        Http.request(uri("http", port, "/")).POST(HttpRequest.BodyPublishers.ofString("x")).build();
    assertEquals(405, http.send(post).status());
  }

  @Test
  void printsTheReadyLineItIsGiven() throws Exception {
    int port = FreePorts.find();
    ChildSession child = start("--port", String.valueOf(port), "--ready-line", "Session is up");

    assertEquals(Optional.of("Session is up"), child.nextLine(ChildSession.STARTUP_TIMEOUT));
  }

  @Test
  void echoesTextAndBinaryMessagesWhenNoSecretIsSet() throws Exception {
    int port = FreePorts.find();
    ChildSession child = start("--port", String.valueOf(port));
    assertTrue(child.nextLine(ChildSession.STARTUP_TIMEOUT).isPresent(), child::stderr);

    try (WebSocketClient.Connection socket = connect(port, "/ws")) {
      socket.sendText("hello, wörld ✓");
      assertEquals("hello, wörld ✓", socket.nextMessage(WAIT));

      byte[] bytes = {0, 1, 2, (byte) 0xff, 42};
      socket.sendBinary(bytes);
      Object echoed = socket.nextMessage(WAIT);
      assertArrayEquals(bytes, assertInstanceOf(byte[].class, echoed));

      socket.sendText("second");
      assertEquals("second", socket.nextMessage(WAIT));
    }
    try (WebSocketClient.Connection socket = connect(port, "/ws/below/it")) {
      socket.sendText("deeper");
      assertEquals("deeper", socket.nextMessage(WAIT));
    }
  }

  @Test
  void withASecretOnlyClientsThatKnowItGetAWebSocket() throws Exception {
    int port = FreePorts.find();
    // Characters that must be percent-encoded prove the server compares the decoded value.
    String secret = "s3cret/&=ü";
    ChildSession child = start("--port", String.valueOf(port), "--secret", secret);
    assertTrue(child.nextLine(ChildSession.STARTUP_TIMEOUT).isPresent(), child::stderr);

    assertRefusedWith403(port, "/ws");
    assertRefusedWith403(port, "/ws?secret=wrong");
    assertRefusedWith403(port, "/ws?secret=" + encode(secret + "x"));
    assertRefusedWith403(port, "/ws?secret=" + encode(secret) + "&secret=" + encode(secret));

    try (WebSocketClient.Connection socket = connect(port, "/ws?secret=" + encode(secret))) {
      socket.sendText("let me in");
      assertEquals("let me in", socket.nextMessage(WAIT));
    }
    // The secret guards the WebSocket only; the greeting stays public.
    assertEquals(200, get(port, "/").status());
  }

  @Test
  void exitsWith3NamingHostAndPortWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      ChildSession child = start("--port", String.valueOf(port));

      assertEquals(3, child.awaitExit(ChildSession.STARTUP_TIMEOUT));
      assertTrue(child.stderr().contains("127.0.0.1:" + port), child::stderr);
      assertFalse(child.hasLine(), "no ready line may be printed");
    }
  }

  static Stream<Arguments> badArguments() {
    return Stream.of(
        Arguments.of((Object) new String[] {}),
        Arguments.of((Object) new String[] {"--port"}),
        Arguments.of((Object) new String[] {"--port", "abc"}),
        Arguments.of((Object) new String[] {"--port", "0"}),
        Arguments.of((Object) new String[] {"--port", "65536"}),
        Arguments.of((Object) new String[] {PORT_PLACEHOLDER}),
        Arguments.of((Object) new String[] {"--port", PORT_PLACEHOLDER, "--bogus", "x"}),
        Arguments.of((Object) new String[] {"--port", PORT_PLACEHOLDER, "--port", "1"}),
        Arguments.of((Object) new String[] {"--port", PORT_PLACEHOLDER, "--ready-delay-ms", "-1"}),
        Arguments.of((Object) new String[] {"--port", PORT_PLACEHOLDER, "--secret", ""}));
  }

  @ParameterizedTest
  @MethodSource("badArguments")
  void exitsWith2AndPrintsUsageOnBadArguments(String[] template) throws Exception {
    // A free port, so that if the arguments were wrongly accepted the child would start and
    // the exit wait below would fail, rather than exit 3 on some port that happens to be busy.
    String port = String.valueOf(FreePorts.find());
    String[] args =
        Arrays.stream(template)
            .map(a -> a.equals(PORT_PLACEHOLDER) ? port : a)
            .toArray(String[]::new);
    ChildSession child = start(args);

    assertEquals(2, child.awaitExit(ChildSession.STARTUP_TIMEOUT), child::stderr);
    assertTrue(child.stderr().contains("Usage:"), child::stderr);
    assertFalse(child.hasLine(), "nothing may be printed on stdout");
  }

  @Test
  void readyDelayHoldsTheReadyLineBackAfterThePortListens() throws Exception {
    int port = FreePorts.find();
    ChildSession child = start("--port", String.valueOf(port), "--ready-delay-ms", "500");

    long listeningAt = awaitListening(port, child);
    assertFalse(child.hasLine(), "ready line came before the delay");
    Optional<String> ready = child.nextLine(ChildSession.STARTUP_TIMEOUT);
    long readyAt = System.nanoTime();

    assertEquals(Optional.of("Starting factory"), ready);
    // Less than 500 ms: the first successful connect may lag the real bind a little.
    long delayMillis = TimeUnit.NANOSECONDS.toMillis(readyAt - listeningAt);
    assertTrue(delayMillis >= 250, "ready line only " + delayMillis + " ms after listening");
  }

  @Test
  void sigtermStopsPromptlyEvenWithAnOpenWebSocket() throws Exception {
    int port = FreePorts.find();
    ChildSession child = start("--port", String.valueOf(port));
    assertTrue(child.nextLine(ChildSession.STARTUP_TIMEOUT).isPresent(), child::stderr);
    try (WebSocketClient.Connection socket = connect(port, "/ws")) {
      socket.sendText("ping");
      assertEquals("ping", socket.nextMessage(WAIT));

      child.process().destroy();

      // 128 + SIGTERM: the JVM ran its shutdown hooks, which must not hang on the connection.
      assertEquals(143, child.awaitExit(WAIT), child::stderr);
      socket.ended().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void logsNothingDuringAWholeSessionLife() throws Exception {
    int port = FreePorts.find();
    ChildSession child = start("--port", String.valueOf(port));
    assertTrue(child.nextLine(ChildSession.STARTUP_TIMEOUT).isPresent(), child::stderr);
    assertEquals(200, get(port, "/").status());
    try (WebSocketClient.Connection socket = connect(port, "/ws")) {
      socket.sendText("quiet");
      assertEquals("quiet", socket.nextMessage(WAIT));
    }

    child.process().destroy();
    child.awaitExit(WAIT);

    // Undertow and XNIO log banners at INFO when starting and stopping; they must stay silent.
    assertEquals("", child.stderrWithoutJdkUnsafeNotices().strip());
    assertEquals(Optional.empty(), child.nextLine(Duration.ZERO), "only the ready line on stdout");
  }

  private ChildSession start(String... args) throws IOException {
    ChildSession child = ChildSession.fromClassPath(args);
    children.add(child);
    return child;
  }

  private Http.Answer get(int port, String path) {
    return http.get(uri("http", port, path));
  }

  private WebSocketClient.Connection connect(int port, String path) throws Exception {
    return webSockets.connect(uri("ws", port, path));
  }

  private void assertRefusedWith403(int port, String path) throws Exception {
    assertEquals(403, webSockets.refusedHandshake(uri("ws", port, path)), path);
  }

  /** Polls until the port accepts a connection, bounded by the start-up timeout. */
  private static long awaitListening(int port, ChildSession child) {
    return Waits.value(
        () -> "port " + port + " listening; stderr: " + child.stderr(),
        ChildSession.STARTUP_TIMEOUT,
        () -> {
          if (!child.process().isAlive()) {
            throw new AssertionError("child exited before listening: " + child.stderr());
          }
          try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return Optional.of(System.nanoTime());
          } catch (IOException notYet) {
            return Optional.empty();
          }
        });
  }

  private static URI uri(String scheme, int port, String pathAndQuery) {
    return URI.create(scheme + "://127.0.0.1:" + port + pathAndQuery);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
