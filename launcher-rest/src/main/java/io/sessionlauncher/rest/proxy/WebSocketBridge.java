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
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One proxied WebSocket: the browser's connection and the session's, both the server's own Jakarta
 * WebSocket (the browser's an endpoint of its server container, the session's a connection of its
 * client), each message part passed on as it arrives, fragments as fragments.
 *
 * <p>Backpressure both ways: a part read from one side is written to the other, blocking, on the
 * thread that read it, and the container reads nothing more from that side until it is written. So
 * one part per direction is all the launcher holds, however slow either side is. A message past
 * {@code proxy_max_message_size} closes both sides with 1009; the session's end closes them with
 * 1001; a close of either side is passed on with its code and reason. Pings are answered by the
 * container on each connection (the Jakarta API does not show them); pongs are passed on.
 */
final class WebSocketBridge extends Endpoint {
  private static final Logger LOG = Logger.getLogger(WebSocketBridge.class.getName());

  /**
   * How long a message from the session waits for the browser's side to open; the upgrade that
   * opens it follows the connection to the session at once.
   */
  static final Duration BROWSER_OPEN_TIMEOUT = Duration.ofSeconds(10);

  /** How long either side may take to accept a message part before the connection is given up. */
  static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private static final String SESSION_ENDED = "session ended";

  private final SessionId sessionId;
  private final ProxiedConnection counted;
  private final ProxyMetrics metrics;
  private final ProxiedSockets sockets;
  private final long maxMessage;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean browserClosed = new AtomicBoolean();
  private final CountDownLatch browserOpen = new CountDownLatch(1);
  private final SessionSide sessionSide = new SessionSide();
  private final SendWatch sendingToSession = new SendWatch();
  private final SendWatch sendingToBrowser = new SendWatch();

  /** Set when the session's end began: every close the browser gets from then on is 1001. */
  private volatile boolean sessionEnding;

  /** The close for a browser's side that opens after its bridge was closed. */
  private volatile int closeCode = CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode();

  private volatile String closeReason = "session connection lost";

  private volatile Session toSession;
  private volatile Session browser;

  /** The message under way from the browser, and from the session. */
  private final MessageSize fromBrowser = new MessageSize();

  private final MessageSize fromSession = new MessageSize();

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

  /** The endpoint of the connection to the session, for the container's client. */
  Endpoint sessionSide() {
    return sessionSide;
  }

  /** The bytes of the message under way in one direction, held to proxy_max_message_size. */
  private final class MessageSize {
    private long bytes;

    /** Counts a part; false, with both sides closed, when the message grew too large. */
    boolean add(long part, boolean last) {
      bytes += part;
      if (tooLarge(bytes)) {
        return false;
      }
      bytes = last ? 0 : bytes;
      return true;
    }
  }

  /** One direction's writes: the other side is told, blocking, on the thread that read. */
  @FunctionalInterface
  private interface Forward {
    void send(Send send, long bytes);
  }

  /**
   * Passes on what {@code from} receives, part by part. The container's own message buffers are
   * left as they are: the handlers take parts, and proxy_max_message_size is counted here.
   */
  private static void forward(Session from, MessageSize size, Forward to) {
    from.setMaxIdleTimeout(0);
    from.addMessageHandler(
        String.class,
        (MessageHandler.Partial<String>)
            (part, last) -> {
              long bytes = Utf8.length(part);
              if (size.add(bytes, last)) {
                to.send(remote -> remote.sendText(part, last), bytes);
              }
            });
    from.addMessageHandler(
        ByteBuffer.class,
        (MessageHandler.Partial<ByteBuffer>)
            (part, last) -> {
              long bytes = part.remaining();
              if (size.add(bytes, last)) {
                to.send(remote -> remote.sendBinary(part, last), bytes);
              }
            });
    from.addMessageHandler(
        PongMessage.class,
        (MessageHandler.Whole<PongMessage>)
            pong -> to.send(remote -> remote.sendPong(pong.getApplicationData()), 0));
  }

  /** Something one side is told, blocking until it is written. */
  @FunctionalInterface
  private interface Send {
    void to(RemoteEndpoint.Basic remote) throws IOException;
  }

  // ---- the session's side ----

  private final class SessionSide extends Endpoint {
    @Override
    public void onOpen(Session session, EndpointConfig config) {
      toSession = session;
      if (closed.get()) {
        // Connected after the launcher gave up waiting, or after the browser went.
        closeSession(CloseReason.CloseCodes.GOING_AWAY.getCode(), "browser connection gone");
        return;
      }
      forward(session, fromSession, WebSocketBridge.this::toBrowser);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
      closeBrowser(reason.getCloseCode().getCode(), reason.getReasonPhrase());
    }

    @Override
    public void onError(Session session, Throwable error) {
      LOG.log(Level.FINE, "Session " + sessionId + ": proxied WebSocket failed", error);
      closeBrowser(
          CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "session connection lost");
    }
  }

  /**
   * Writes to the browser's side once it is open: a session may speak first, before the upgrade
   * that opens it is done.
   */
  private void toBrowser(Send send, long bytes) {
    try {
      if (!browserOpen.await(BROWSER_OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        closeBoth(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "browser never connected");
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeBoth(CloseReason.CloseCodes.GOING_AWAY.getCode(), "launcher stopping");
      return;
    }
    Session to = browser;
    if (to == null || closed.get()) {
      return;
    }
    // Counted as handed over: the echo of a message may be seen before a send returns.
    metrics.sentToClient(bytes);
    if (!sent(to, sendingToBrowser, send, bytes, "browser connection lost")) {
      closeSession(CloseReason.CloseCodes.GOING_AWAY.getCode(), "browser connection lost");
      finish();
    }
  }

  // ---- the browser's side ----

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    browser = session;
    forward(session, fromBrowser, this::toSession);
    browserOpen.countDown();
    if (sessionEnding || closed.get()) {
      // The session ended, or its side closed or broke, while the upgrade was under way, before
      // the browser's side was open to be told.
      closeBoth(closeCode, closeReason);
    }
  }

  /**
   * Writes to the session, blocking: the container reads nothing more from this browser meanwhile,
   * which is the backpressure towards it.
   */
  private void toSession(Send send, long bytes) {
    metrics.sentToSession(bytes);
    if (!sent(toSession, sendingToSession, send, bytes, "sending to the session failed")) {
      closeBoth(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "session not reachable");
    }
  }

  /**
   * Writes {@code send} to {@code to}, blocking, watched by {@code watch}; false when it failed
   * (logged with {@code failure}).
   */
  private boolean sent(Session to, SendWatch watch, Send send, long bytes, String failure) {
    counted.touch();
    watch.begin(System.nanoTime(), bytes);
    try {
      send.to(to.getBasicRemote());
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Session " + sessionId + ": " + failure, e);
      return false;
    } finally {
      watch.end();
    }
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    closeSession(reason.getCloseCode().getCode(), reason.getReasonPhrase());
    finish();
  }

  @Override
  public void onError(Session session, Throwable error) {
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
   * Gives up the connection when a send has waited past {@link #SEND_TIMEOUT} for a side that
   * stopped reading: both sides are closed with 1011 and the waiting thread is interrupted.
   */
  void closeIfStalled(long now) {
    boolean toSessionStalled = sendingToSession.overdue(now, SEND_TIMEOUT);
    boolean toBrowserStalled = sendingToBrowser.overdue(now, SEND_TIMEOUT);
    if (toSessionStalled || toBrowserStalled) {
      closeBoth(
          CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(),
          (toSessionStalled ? "the session" : "the browser")
              + " took no message for "
              + SEND_TIMEOUT.toSeconds()
              + " s");
    }
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
    closeSession(CloseReason.CloseCodes.GOING_AWAY.getCode(), "browser connection not upgraded");
  }

  private void closeBoth(int code, String reason) {
    // The browser first: once the session has the close it answers it and drops its side, and
    // that answer, handled on the client's thread, must find the browser's side closed already
    // rather than race this close (Chromium then saw 1006, no close frame).
    closeBrowser(code, reason);
    closeSession(code, reason);
  }

  private void closeSession(int code, String reason) {
    Session session = toSession;
    if (session != null && session.isOpen()) {
      try {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(sendable(code)), reason));
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "Session " + sessionId + ": closing the session's side failed", e);
      }
    }
  }

  private void closeBrowser(int code, String reason) {
    // Kept for the browser's side, and this bridge marked closed, before the side is looked at: a
    // side opening now sets it first and then reads the mark (onOpen), so one of the two threads
    // closes it whichever runs first.
    if (browser == null) {
      closeCode = code;
      closeReason = reason;
    }
    finish();
    Session to = browser;
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
    // A session's message waiting for the browser's side to open need not wait any longer.
    browserOpen.countDown();
    if (closed.compareAndSet(false, true)) {
      counted.close();
      sockets.remove(sessionId, this);
    }
  }
}
