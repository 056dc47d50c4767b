package io.sessionlauncher.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * WebSocket connections for tests, over {@code java.net.http}: open one and read whole messages
 * from it, send one message and read the echo, or check that a handshake is refused. Every step is
 * bounded in time.
 */
public final class WebSocketClient {
  /** How long opening a connection, sending, or waiting for a message may take. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client = Http.newClient();

  /** Opens a connection to {@code uri}; fails if the handshake does not succeed in time. */
  public Connection connect(URI uri) throws InterruptedException, ExecutionException {
    return connect(uri, null, null);
  }

  private Connection connect(URI uri, String header, String value)
      throws InterruptedException, ExecutionException {
    Connection connection = new Connection();
    try {
      WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(TIMEOUT);
      if (header != null) {
        builder.header(header, value);
      }
      connection.socket =
          builder.buildAsync(uri, connection).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no WebSocket handshake with " + uri + " within " + TIMEOUT, e);
    }
    return connection;
  }

  /** Opens a connection, sends {@code message}, and returns the first text message back. */
  public String echo(URI uri, String message) throws Exception {
    try (Connection connection = connect(uri)) {
      connection.sendText(message);
      Object answer = connection.nextMessage(TIMEOUT);
      if (!(answer instanceof String text)) {
        throw new AssertionError("no text message back from " + uri + " but " + answer);
      }
      return text;
    }
  }

  /**
   * Opens a WebSocket that is expected to be refused, and returns the HTTP status of the refusal.
   *
   * @throws AssertionError if the handshake succeeds, or fails without an HTTP answer
   */
  public int refusedHandshake(URI uri) throws InterruptedException {
    return refusedHandshake(uri, null, null);
  }

  /**
   * As {@link #refusedHandshake(URI)}, with one more header in the handshake (such as a page's
   * {@code Origin}).
   */
  public int refusedHandshake(URI uri, String header, String value) throws InterruptedException {
    Connection accepted;
    try {
      accepted = connect(uri, header, value);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw new AssertionError("WebSocket to " + uri + " failed without an HTTP answer", e);
    }
    accepted.close();
    throw new AssertionError("WebSocket to " + uri + " was accepted");
  }

  /**
   * The close a server sent.
   *
   * @param code its status code
   * @param reason its reason, perhaps empty
   */
  public record Closed(int code, String reason) {}

  /**
   * An open WebSocket that keeps every whole message it receives: text as {@link String}, binary as
   * {@code byte[]}, fragments joined. Closing it aborts the connection.
   */
  public static final class Connection implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final BlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private WebSocket socket;

    private Connection() {}

    /** Sends a whole text message. */
    public void sendText(String message) throws Exception {
      socket.sendText(message, true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a whole binary message. */
    public void sendBinary(byte[] message) throws Exception {
      socket
          .sendBinary(ByteBuffer.wrap(message), true)
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next whole message, or {@code null} if none came within {@code timeout}. */
    public Object nextMessage(Duration timeout) throws InterruptedException {
      return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Completes when the server closes the connection or it breaks. */
    public CompletableFuture<Void> ended() {
      return ended;
    }

    /** Completes with the close the server sent; never if the connection broke without one. */
    public CompletableFuture<Closed> closed() {
      return closed;
    }

    /** The next pong's data, or {@code null} if none came within {@code timeout}. */
    public byte[] nextPong(Duration timeout) throws InterruptedException {
      return pongs.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The connection itself, for what this class does not offer. */
    public WebSocket socket() {
      return socket;
    }

    @Override
    public void close() {
      if (socket != null) {
        socket.abort();
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        messages.add(text.toString());
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      binary.writeBytes(bytes);
      if (last) {
        messages.add(binary.toByteArray());
        binary.reset();
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      byte[] bytes = new byte[message.remaining()];
      message.get(bytes);
      pongs.add(bytes);
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(new Closed(statusCode, reason));
      ended.complete(null);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      ended.complete(null);
    }
  }
}
