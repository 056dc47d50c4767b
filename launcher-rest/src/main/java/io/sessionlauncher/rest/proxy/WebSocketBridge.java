package io.sessionlauncher.rest.proxy;

import io.sessionlauncher.engine.session.ProxiedConnection;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.rest.metrics.ProxyMetrics;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.RemoteEndpoint;
import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One proxied WebSocket: the browser's connection (a Jakarta WebSocket endpoint of the server) and
 * the session's (the JDK's client), each message passed on as it arrives, fragments as fragments.
 *
 * <p>Backpressure both ways: a message part from the session is asked for ({@code request(1)}) only
 * once the previous one was written to the browser, and a part from the browser is handed to the
 * session before the container reads the next. So one part per direction is all the launcher holds,
 * however slow either side is. A message past {@code proxy_max_message_size} closes both sides with
 * 1009; the session's end closes them with 1001; a close of either side is passed on with its code
 * and reason.
 */
final class WebSocketBridge extends Endpoint implements WebSocket.Listener {
  private static final Logger LOG = Logger.getLogger(WebSocketBridge.class.getName());

  /** How long the session may take to accept a message part before the connection is given up. */
  static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private static final String SESSION_ENDED = "session ended";

  private final SessionId sessionId;
  private final ProxiedConnection counted;
  private final ProxyMetrics metrics;
  private final ProxiedSockets sockets;
  private final long maxMessage;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean browserClosed = new AtomicBoolean();

  /** Set when the session's end began: every close the browser gets from then on is 1001. */
  private volatile boolean sessionEnding;

  /** The close for a browser's side that opens after its bridge was closed. */
  private volatile int closeCode = CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode();

  private volatile String closeReason = "session connection lost";

  private volatile WebSocket toSession;
  private volatile jakarta.websocket.Session browser;

  /** Bytes of the message under way from the browser, and from the session. */
  private long fromBrowser;

  private long fromSession;

  WebSocketBridge(
      SessionId sessionId,
      ProxiedConnection counted,
      ProxyMetrics metrics,
      ProxiedSockets sockets,
      long maxMessage) {
    this.sessionId = sessionId;
    this.counted = counted;
    this.metrics = metrics;
    this.sockets = sockets;
    this.maxMessage = maxMessage;
  }

  // ---- the session's side (java.net.http) ----

  @Override
  public void onOpen(WebSocket webSocket) {
    // Nothing is asked for until the browser's side is open: the session's messages wait in its
    // own socket meanwhile.
    toSession = webSocket;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    String part = data.toString();
    long bytes = Utf8.length(part);
    if (tooLarge(fromSession += bytes)) {
      return null;
    }
    fromSession = last ? 0 : fromSession;
    toBrowser(remote -> remote.sendText(part, last), bytes);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    long bytes = data.remaining();
    if (tooLarge(fromSession += bytes)) {
      return null;
    }
    fromSession = last ? 0 : fromSession;
    ByteBuffer part = writable(data);
    toBrowser(remote -> remote.sendBinary(part, last), bytes);
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    // The JDK answers the session's ping itself; the browser sees it too and answers with a pong.
    ByteBuffer data = writable(message);
    toBrowser(remote -> remote.sendPing(data), 0);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    ByteBuffer data = writable(message);
    toBrowser(remote -> remote.sendPong(data), 0);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeBrowser(statusCode, reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    LOG.log(Level.FINE, "Session " + sessionId + ": proxied WebSocket failed", error);
    closeBrowser(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "session connection lost");
  }

  /**
   * The JDK hands read-only buffers, which Liberty's writer cannot take (it reads their array): a
   * copy of one part, the most this connection holds.
   */
  private static ByteBuffer writable(ByteBuffer data) {
    if (!data.isReadOnly()) {
      return data;
    }
    ByteBuffer copy = ByteBuffer.allocate(data.remaining());
    copy.put(data);
    return copy.flip();
  }

  /** Something the browser's side is told, blocking until it is written. */
  @FunctionalInterface
  private interface Send {
    void to(RemoteEndpoint.Basic remote) throws IOException;
  }

  private void toBrowser(Send send, long bytes) {
    jakarta.websocket.Session to = browser;
    // Counted as handed over: the echo of a message may be seen before a send returns.
    metrics.sentToClient(bytes);
    counted.touch();
    try {
      send.to(to.getBasicRemote());
      toSession.request(1);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Session " + sessionId + ": browser connection lost", e);
      closeSession(CloseReason.CloseCodes.GOING_AWAY.getCode(), "browser connection lost");
      finish();
    }
  }

  // ---- the browser's side (Jakarta WebSocket) ----

  @Override
  public void onOpen(jakarta.websocket.Session session, EndpointConfig config) {
    browser = session;
    // The container's own message buffers are left as they are: the handlers take parts, and
    // proxy_max_message_size is counted here.
    session.setMaxIdleTimeout(0);
    session.addMessageHandler(
        String.class,
        (MessageHandler.Partial<String>)
            (part, last) -> {
              long bytes = Utf8.length(part);
              if (!tooLarge(fromBrowser += bytes)) {
                fromBrowser = last ? 0 : fromBrowser;
                toSession(toSession.sendText(part, last), bytes);
              }
            });
    session.addMessageHandler(
        ByteBuffer.class,
        (MessageHandler.Partial<ByteBuffer>)
            (part, last) -> {
              long bytes = part.remaining();
              if (!tooLarge(fromBrowser += bytes)) {
                fromBrowser = last ? 0 : fromBrowser;
                toSession(toSession.sendBinary(part, last), bytes);
              }
            });
    session.addMessageHandler(
        PongMessage.class,
        (MessageHandler.Whole<PongMessage>)
            pong -> toSession(toSession.sendPong(pong.getApplicationData()), 0));
    if (sessionEnding || closed.get()) {
      // The session ended, or its side closed or broke, while the upgrade was under way, before
      // the browser's side was open to be told.
      closeBoth(closeCode, closeReason);
      return;
    }
    toSession.request(1);
  }

  /**
   * Waits until the session took the part: the container reads nothing more from this browser
   * meanwhile, which is the backpressure towards it.
   */
  private void toSession(CompletableFuture<WebSocket> sent, long bytes) {
    metrics.sentToSession(bytes);
    counted.touch();
    try {
      sent.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeBoth(CloseReason.CloseCodes.GOING_AWAY.getCode(), "launcher stopping");
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(Level.FINE, "Session " + sessionId + ": sending to the session failed", e);
      closeBoth(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "session not reachable");
    }
  }

  @Override
  public void onClose(jakarta.websocket.Session session, CloseReason reason) {
    closeSession(reason.getCloseCode().getCode(), reason.getReasonPhrase());
    finish();
  }

  @Override
  public void onError(jakarta.websocket.Session session, Throwable error) {
    LOG.log(Level.FINE, "Session " + sessionId + ": browser WebSocket failed", error);
    closeSession(CloseReason.CloseCodes.GOING_AWAY.getCode(), "browser connection lost");
    finish();
  }

  // ---- both ----

  private boolean tooLarge(long messageBytes) {
    if (messageBytes <= maxMessage) {
      return false;
    }
    closeBoth(
        CloseReason.CloseCodes.TOO_BIG.getCode(),
        "message larger than proxy_max_message_size (" + maxMessage + " bytes)");
    return true;
  }

  /**
   * The session is ending: both sides are told so, the browser's as soon as it is open. Whatever
   * the session's side does meanwhile (its process is stopped next, which breaks that connection),
   * the browser gets 1001.
   */
  void sessionEnded() {
    sessionEnding = true;
    closeBoth(CloseReason.CloseCodes.GOING_AWAY.getCode(), SESSION_ENDED);
  }

  /** The upgrade did not happen: nothing more will come through this bridge. */
  void abandon() {
    finish();
  }

  private void closeBoth(int code, String reason) {
    // The browser first: once the session has the close it answers it and drops its side, and
    // that answer, handled on the client's thread, must find the browser's side closed already
    // rather than race this close (Chromium then saw 1006, no close frame).
    closeBrowser(code, reason);
    closeSession(code, reason);
  }

  private void closeSession(int code, String reason) {
    WebSocket session = toSession;
    if (session != null && !session.isOutputClosed()) {
      var unused =
          session
              .sendClose(sendable(code), reason)
              .orTimeout(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .whenComplete(
                  (done, failure) -> {
                    if (failure != null) {
                      session.abort();
                    }
                  });
    }
  }

  private void closeBrowser(int code, String reason) {
    if (browser == null) {
      // Kept for the browser's side, which opening now would otherwise find nothing to tell.
      closeCode = code;
      closeReason = reason;
    }
    jakarta.websocket.Session to = browser;
    if (to != null && to.isOpen() && browserClosed.compareAndSet(false, true)) {
      boolean ending = sessionEnding;
      int sent = ending ? CloseReason.CloseCodes.GOING_AWAY.getCode() : sendable(code);
      try {
        to.close(
            new CloseReason(
                CloseReason.CloseCodes.getCloseCode(sent), ending ? SESSION_ENDED : reason));
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "Session " + sessionId + ": closing the browser's side failed", e);
      }
    }
    finish();
  }

  /**
   * A code that may be sent in a close frame: 1005 (none given) becomes 1000, 1006 (the connection
   * broke) and 1015 (TLS failed), which only describe a close, become 1011.
   */
  static int sendable(int code) {
    if (code == 1005) {
      return CloseReason.CloseCodes.NORMAL_CLOSURE.getCode();
    }
    if (code == 1006 || code == 1015 || code < 1000 || code >= 5000) {
      return CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode();
    }
    return code;
  }

  /** Both sides are gone or going: the engine's count and the session's list forget this one. */
  private void finish() {
    if (closed.compareAndSet(false, true)) {
      counted.close();
      sockets.remove(sessionId, this);
    }
  }
}
