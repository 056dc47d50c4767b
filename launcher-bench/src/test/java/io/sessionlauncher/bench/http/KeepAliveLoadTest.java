package io.sessionlauncher.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The load generator counts what the server saw: every request it sends is answered by a stub that
 * counts them and the connections they came on. Its timing figures are not judged here; the counts
 * it reports, and the figures derived from them, are.
 */
class KeepAliveLoadTest {
  private static final Duration WINDOW = Duration.ofMillis(400);

  /** Requests the stub answered, and the client ports (connections) they came from. */
  private static final class Seen {
    final AtomicInteger requests = new AtomicInteger();
    final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    void add(HttpExchange exchange) {
      requests.incrementAndGet();
      connections.add(exchange.getRemoteAddress().getPort());
    }
  }

  @Test
  void countsEveryAnsweredRequestOnItsOwnKeepAliveConnections() throws Exception {
    Seen seen = new Seen();
    try (StubServer stub =
        new StubServer(
            exchange -> {
              seen.add(exchange);
              StubServer.answer(exchange, 200, "{}", false);
            })) {
      // No warm-up: every request the generator sends falls in the measured window.
      LoadResult ok = new KeepAliveLoad(stub.address(), "/ok").run(2, Duration.ZERO, WINDOW);

      assertTrue(ok.requests() > 0, "no request was answered");
      assertEquals(seen.requests.get(), ok.requests(), "requests the stub answered");
      assertEquals(0, ok.failures());
      assertEquals(ok.requests(), ok.latencies().count(), "one latency per answered request");
      assertEquals(2, ok.connections());
      assertEquals(2, seen.connections.size(), "connections the stub saw");
      assertEquals(0, ok.reconnects(), "the stub keeps connections open");
      assertEquals(0.4, ok.seconds(), 1e-9);
      assertEquals(ok.requests() / 0.4, ok.perSecond(), 1e-9);
    }
  }

  @Test
  void countsAnswersOtherThan200AsFailuresWithoutLatencies() throws Exception {
    Seen seen = new Seen();
    try (StubServer stub =
        new StubServer(
            exchange -> {
              seen.add(exchange);
              StubServer.answer(exchange, 503, "{}", false);
            })) {
      LoadResult failing = new KeepAliveLoad(stub.address(), "/bad").run(1, Duration.ZERO, WINDOW);

      assertEquals(0, failing.requests());
      assertTrue(failing.failures() > 0, "no request was made");
      assertEquals(seen.requests.get(), failing.failures(), "requests the stub answered");
      assertEquals(0, failing.latencies().count());
      assertEquals(0.0, failing.perSecond());
      assertEquals(1, seen.connections.size());
    }
  }

  @Test
  void reconnectsOncePerRequestWhenTheServerClosesEveryConnection() throws Exception {
    Seen seen = new Seen();
    try (StubServer stub =
        new StubServer(
            exchange -> {
              seen.add(exchange);
              exchange.getResponseHeaders().set("Connection", "close");
              StubServer.answer(exchange, 200, "{}", false);
            })) {
      LoadResult closing = new KeepAliveLoad(stub.address(), "/").run(1, Duration.ZERO, WINDOW);

      assertEquals(seen.requests.get(), closing.requests());
      assertEquals(0, closing.failures());
      // The first connection is an open, every later one a reconnect.
      assertEquals(closing.requests() - 1, closing.reconnects());
      assertEquals(seen.requests.get(), seen.connections.size(), "one connection per request");
    }
  }

  @Test
  void requestsOfTheWarmUpAreNotCounted() throws Exception {
    Duration warmUp = Duration.ofMillis(300);
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger early = new AtomicInteger();
    AtomicLong windowStartsNoEarlierThan = new AtomicLong();
    try (StubServer stub =
        new StubServer(
            exchange -> {
              answered.incrementAndGet();
              // Arrived before the earliest moment the window can open: sent in the warm-up.
              if (System.nanoTime() - windowStartsNoEarlierThan.get() < 0) {
                early.incrementAndGet();
              }
              StubServer.answer(exchange, 200, "{}", false);
            })) {
      windowStartsNoEarlierThan.set(System.nanoTime() + warmUp.toNanos());
      LoadResult measured = new KeepAliveLoad(stub.address(), "/").run(1, warmUp, WINDOW);

      assertTrue(
          measured.requests() <= answered.get() - early.get(),
          measured.requests()
              + " counted, but only "
              + (answered.get() - early.get())
              + " of the "
              + answered.get()
              + " answered were sent after the warm-up");
      assertEquals(measured.requests(), measured.latencies().count());
      assertEquals(0, measured.failures());
    }
  }
}
