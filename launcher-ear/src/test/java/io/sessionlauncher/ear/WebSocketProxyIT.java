package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import io.sessionlauncher.testing.WebSocketClient;
import io.sessionlauncher.testing.WebSocketClient.Closed;
import io.sessionlauncher.testing.WebSocketClient.Connection;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WebSockets through the launcher's own proxy on Open Liberty (websocket-2.1), to real demo
 * sessions: echo in both URL forms, large binary and fragmented messages, ping and pong, close
 * codes, the session's end closing the socket with 1001, refusals, the largest message, and abrupt
 * disconnects leaving no connection counted.
 */
class WebSocketProxyIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** The shipped launcher.json's {@code proxy_max_message_size}. */
  private static final int MAX_MESSAGE = 16 * 1024 * 1024;

  private final Http client = new Http(LibertyServer.base());
  private final WebSocketClient sockets = new WebSocketClient();
  private String id;

  @AfterEach
  void stopSession() {
    if (id != null) {
      var unused = client.delete("paraview/" + id);
    }
  }

  private String start() {
    return start("demo").getString("id");
  }

  private jakarta.json.JsonObject start(String application) {
    Http.Answer created = client.post("paraview/", "{\"application\": \"" + application + "\"}");
    assertEquals(200, created.status(), created.body());
    id = created.json().getString("id");
    return created.json();
  }

  private static URI ws(String path) {
    URI base = LibertyServer.base();
    return URI.create("ws://" + base.getRawAuthority() + "/" + path);
  }

  private int proxiedConnections() {
    return client.get("paraview/" + id).json().getInt("proxiedConnections");
  }

  @Test
  void textEchoesThroughBothFormsAndTheConnectionIsCountedWhileOpen() throws Exception {
    String session = start();
    assertEquals("hello", sockets.echo(ws("proxy?sessionId=" + session + "&path=ws"), "hello"));
    try (Connection open = sockets.connect(ws("session/" + session + "/ws"))) {
      open.sendText("grüß dich");
      assertEquals("grüß dich", open.nextMessage(WAIT));
      assertEquals(1, proxiedConnections());
    }
    Waits.until(
        "the aborted connection is no longer counted", WAIT, () -> proxiedConnections() == 0);
  }

  @Test
  void plainHttpGoesThroughOnLibertysRestEasyToo() {
    String session = start();
    Http.Answer greeting = client.get("session/" + session + "/anything?x=1");
    assertEquals(200, greeting.status(), greeting.body());
    assertTrue(greeting.body().startsWith("demo session on port"), greeting.body());
    Http.Answer viaQuery = client.get("proxy?sessionId=" + session + "&path=index.html");
    assertTrue(viaQuery.body().startsWith("demo session on port"), viaQuery.body());
    Http.Answer post = client.post("session/" + session + "/", "{}");
    assertEquals(405, post.status(), "the demo session's own refusal");
    assertEquals("GET, HEAD", post.header("Allow"));
    Http.Answer unknown = client.get("session/" + UUID.randomUUID() + "/");
    assertEquals(404, unknown.status());
    assertTrue(unknown.body().startsWith("{\"error\":\"No session with id"), unknown.body());
  }

  @Test
  void largeBinaryAndFragmentedMessagesArriveWhole() throws Exception {
    String session = start();
    byte[] large = new byte[4 * 1024 * 1024];
    new Random(12).nextBytes(large);
    try (Connection open = sockets.connect(ws("session/" + session + "/ws"))) {
      open.sendBinary(large);
      assertArrayEquals(large, (byte[]) open.nextMessage(WAIT));

      open.socket().sendText("frag", false).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      open.socket().sendText("ment", false).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      open.socket().sendText("ed", true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertEquals("fragmented", open.nextMessage(WAIT));

      open.socket()
          .sendPing(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8)))
          .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertEquals("are you there", new String(open.nextPong(WAIT), StandardCharsets.UTF_8));
    }
  }

  @Test
  void theClientsCloseCodeAndReasonGoThroughAndComeBack() throws Exception {
    String session = start();
    try (Connection open = sockets.connect(ws("session/" + session + "/ws"))) {
      open.socket().sendClose(4001, "done here").get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      Closed closed = open.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertEquals(4001, closed.code());
      assertEquals("done here", closed.reason());
    }
    Waits.until(
        "the closed connection is no longer counted", WAIT, () -> proxiedConnections() == 0);
  }

  @Test
  void theSessionsEndClosesItsSocketsWith1001WithinASecond() throws Exception {
    String session = start();
    try (Connection open = sockets.connect(ws("proxy?sessionId=" + session + "&path=ws"))) {
      assertEquals("ping", sockets.echo(ws("session/" + session + "/ws"), "ping"));
      var closedAt = open.closed().thenApply(closed -> System.nanoTime());
      long sent = System.nanoTime();
      var unused = client.send(Http.request(client.uri("paraview/" + session)).DELETE().build());
      long answered = System.nanoTime();
      Closed closed = open.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      long at = closedAt.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertEquals(1001, closed.code(), closed.toString());
      // Closed as the end begins: before the DELETE's answer (which waits for the processes to
      // be gone), or within a second of the DELETE on a machine too busy to tell the two apart.
      Duration took = Duration.ofNanos(at - sent);
      assertTrue(
          at <= answered || took.compareTo(Duration.ofSeconds(1)) < 0,
          "closed "
              + took
              + " after the DELETE, "
              + Duration.ofNanos(at - answered)
              + " after its answer");
    }
  }

  @Test
  void unknownMalformedEndedAndMissingIdsAreRefusedUpgrades() throws Exception {
    assertEquals(404, sockets.refusedHandshake(ws("session/" + UUID.randomUUID() + "/ws")));
    assertEquals(404, sockets.refusedHandshake(ws("proxy?sessionId=not-an-id&path=ws")));
    assertEquals(400, sockets.refusedHandshake(ws("proxy?path=ws")));
    String session = start();
    assertEquals(200, client.delete("paraview/" + session).status());
    assertEquals(404, sockets.refusedHandshake(ws("session/" + session + "/ws")));
    id = null;
  }

  /**
   * The session's own refusal (demo-secure without its secret) is a 502 naming it, and leaves no
   * connection counted; with the secret in the query, which is passed on, the socket echoes.
   */
  @Test
  void aSessionRefusingTheSocketIsA502AndItsQueryIsPassedOn() throws Exception {
    jakarta.json.JsonObject session = start("demo-secure");
    String path = "session/" + session.getString("id") + "/ws";
    assertEquals(502, sockets.refusedHandshake(ws(path)));
    assertEquals(0, proxiedConnections());
    String secret = URLEncoder.encode(session.getString("secret"), StandardCharsets.UTF_8);
    assertEquals("hello", sockets.echo(ws(path + "?secret=" + secret), "hello"));
  }

  /**
   * A browser that stops reading (a frozen tab) while its session keeps answering: the launcher's
   * send to it waits, and is given up after 30 s with both sides closed; the connection is no
   * longer counted, and the proxy serves the next one.
   */
  @Test
  void aBrowserThatStopsReadingIsGivenUpAfterThirtySeconds() throws Exception {
    String session = start();
    java.net.http.WebSocket frozen =
        java.net.http.HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                ws("session/" + session + "/ws"),
                new java.net.http.WebSocket.Listener() {
                  @Override
                  public void onOpen(java.net.http.WebSocket webSocket) {
                    // Nothing is ever asked for: the client reads nothing from its socket.
                  }
                })
            .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    try {
      // 64 KiB parts, which the stall check allows a second more than the 30 s each.
      byte[] part = new byte[64 * 1024];
      // Echoed into the browser's socket until its buffers are full and the launcher's send waits;
      // from then on nothing more is read from this client either, and its own send waits.
      boolean backedUp = false;
      for (int i = 0; i < 1024 && !backedUp; i++) {
        try {
          frozen.sendBinary(ByteBuffer.wrap(part), true).get(2, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          backedUp = true;
        }
      }
      assertTrue(backedUp, "64 MiB went through a client that reads nothing");
      assertEquals(1, proxiedConnections());
      Waits.until(
          "the stalled connection is given up",
          Duration.ofSeconds(45),
          () -> proxiedConnections() == 0);
      assertEquals(
          "still serving", sockets.echo(ws("session/" + session + "/ws"), "still serving"));
    } finally {
      frozen.abort();
    }
  }

  @Test
  void aRefusedUpgradeIsAnsweredWithTheApisJsonError() throws Exception {
    String key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    String answer = rawUpgrade("Upgrade: websocket\r\n" + key);
    assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
    assertTrue(answer.contains("{\"error\":\"No session with id"), answer);
    // Two Upgrade lines (a server may join them): still the proxy's checks, not the server's own.
    answer = rawUpgrade("Upgrade: \r\nUpgrade: websocket\r\n" + key);
    assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
    // No key: no handshake to complete, refused before anything is connected.
    answer = rawUpgrade("Upgrade: websocket\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    assertTrue(answer.contains("Sec-WebSocket-Key"), answer);
  }

  private static String rawUpgrade(String headers) throws Exception {
    URI base = LibertyServer.base();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout((int) WAIT.toMillis());
      socket
          .getOutputStream()
          .write(
              ("GET /session/"
                      + UUID.randomUUID()
                      + "/ws HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + headers
                      + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      byte[] buffer = new byte[4096];
      StringBuilder answer = new StringBuilder();
      while (!answer.toString().contains("}")) {
        int read = socket.getInputStream().read(buffer);
        if (read < 0) {
          break;
        }
        answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
      }
      return answer.toString();
    }
  }

  /**
   * Liberty's handshake asks for the HTTP session: one made there outlived the proxied socket until
   * its timeout, the largest part of a proxied connection's heap, so the upgrade is given none.
   */
  @Test
  void anAcceptedUpgradeMakesNoHttpSession() throws Exception {
    String session = start();
    URI base = LibertyServer.base();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout((int) WAIT.toMillis());
      socket
          .getOutputStream()
          .write(
              ("GET /session/"
                      + session
                      + "/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                      + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      + "Sec-WebSocket-Version: 13\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      StringBuilder head = new StringBuilder();
      while (!head.toString().contains("\r\n\r\n")) {
        int read = socket.getInputStream().read();
        if (read < 0) {
          break;
        }
        head.append((char) read);
      }
      assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
      assertFalse(head.toString().toLowerCase(Locale.ROOT).contains("set-cookie"), head.toString());
    }
  }

  @Test
  void aPageOfAnotherOriginMayNotOpenAProxiedSocket() throws Exception {
    String session = start();
    var refused =
        sockets.refusedHandshake(ws("session/" + session + "/ws"), "Origin", "http://evil.example");
    assertEquals(403, refused);
  }

  @Test
  void aMessageOverTheLargestClosesTheConnectionWith1009() throws Exception {
    String session = start();
    try (Connection open = sockets.connect(ws("session/" + session + "/ws"))) {
      var unused = open.socket().sendBinary(ByteBuffer.allocate(MAX_MESSAGE + 1), true);
      Closed closed = open.closed().get(WAIT.toMillis() * 3, TimeUnit.MILLISECONDS);
      assertEquals(1009, closed.code(), closed.toString());
      assertTrue(closed.reason().contains("proxy_max_message_size"), closed.reason());
    }
    Waits.until(
        "the refused connection is no longer counted", WAIT, () -> proxiedConnections() == 0);
    assertEquals("still serving", sockets.echo(ws("session/" + session + "/ws"), "still serving"));
  }

  @Test
  void clientsVanishingMidMessageLeaveNoConnectionCounted() throws Exception {
    String session = start();
    for (int i = 0; i < 5; i++) {
      Connection open = sockets.connect(ws("session/" + session + "/ws"));
      open.socket()
          .sendBinary(ByteBuffer.allocate(64 * 1024), false)
          .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      open.close();
    }
    Waits.until("every vanished connection is forgotten", WAIT, () -> proxiedConnections() == 0);
    assertEquals("after", sockets.echo(ws("session/" + session + "/ws"), "after"));
  }
}
