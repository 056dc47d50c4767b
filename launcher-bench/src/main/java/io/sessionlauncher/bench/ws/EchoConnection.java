package io.sessionlauncher.bench.ws;

import io.sessionlauncher.bench.BenchmarkException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket to an echo server, for timing: a text round trip, or binary messages kept a few in
 * flight for throughput. Every wait is bounded.
 */
public final class EchoConnection implements AutoCloseable {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private final WebSocket socket;
  private final Listener listener;

  private EchoConnection(WebSocket socket, Listener listener) {
    this.socket = socket;
    this.listener = listener;
  }

  /** Opens a connection to {@code uri}. */
  public static EchoConnection open(HttpClient client, URI uri) {
    Listener listener = new Listener();
    try {
      WebSocket socket =
          client
              .newWebSocketBuilder()
              .connectTimeout(LIMIT)
              .buildAsync(uri, listener)
              .get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      return new EchoConnection(socket, listener);
    } catch (ExecutionException | TimeoutException e) {
      throw new BenchmarkException("no WebSocket to " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException("interrupted", e);
    }
  }

  /** Sends {@code text} and waits for its echo; returns the nanoseconds it took. */
  public long roundTrip(String text) {
    CompletableFuture<Void> echoed = new CompletableFuture<>();
    listener.next = echoed;
    long begin = System.nanoTime();
    await(socket.sendText(text, true));
    await(echoed);
    return System.nanoTime() - begin;
  }

  /**
   * Sends {@code count} binary messages of {@code size} bytes, at most {@code window} unanswered,
   * and waits for every echo; returns the nanoseconds from the first send to the last echo.
   */
  public long binaryEchoes(int count, int size, int window) {
    Semaphore inFlight = new Semaphore(window);
    listener.binaryDone = inFlight;
    listener.binaryBytes.set(0);
    ByteBuffer payload = ByteBuffer.allocate(size);
    long begin = System.nanoTime();
    try {
      for (int i = 0; i < count; i++) {
        if (!inFlight.tryAcquire(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new BenchmarkException("no echo within " + LIMIT);
        }
        await(socket.sendBinary(payload.duplicate(), true));
      }
      if (!inFlight.tryAcquire(window, LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new BenchmarkException("the last echoes did not come within " + LIMIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException("interrupted", e);
    }
    return System.nanoTime() - begin;
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new BenchmarkException("WebSocket step failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException("interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      socket.abort();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      socket.abort();
    }
  }

  /** Completes the round trip under way at a whole text echo; counts binary echoes. */
  private static final class Listener implements WebSocket.Listener {
    private volatile CompletableFuture<Void> next;
    private volatile Semaphore binaryDone;
    private final AtomicLong binaryBytes = new AtomicLong();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (last && next != null) {
        next.complete(null);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      binaryBytes.addAndGet(data.remaining());
      if (last && binaryDone != null) {
        binaryDone.release();
      }
      webSocket.request(1);
      return null;
    }
  }
}
