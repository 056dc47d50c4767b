package io.sessionlauncher.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The load generator against a real loopback HTTP server that counts what it receives: its counts
 * must match the server's exactly. Its timings are not judged here.
 */
class KeepAliveLoadTest {

  @Test
  void countsEveryRequestTheServerAnsweredAndEveryFailure() throws Exception {
    AtomicLong received = new AtomicLong();
    try (StubServer stub =
        new StubServer(
            exchange -> {
              received.incrementAndGet();
              StubServer.answer(
                  exchange,
                  exchange.getRequestURI().getPath().equals("/ok") ? 200 : 503,
                  "{}",
                  false);
            })) {
      // No warm-up: every request sent is in the measured window.
      LoadResult ok =
          new KeepAliveLoad(stub.address(), "/ok").run(2, Duration.ZERO, Duration.ofMillis(300));
      assertTrue(ok.requests() > 0);
      assertEquals(received.get(), ok.requests());
      assertEquals(0, ok.failures());
      assertEquals(ok.requests(), ok.latencies().count());
      assertTrue(ok.corrected().count() >= ok.latencies().count());
      assertEquals(2, ok.connections());
      assertEquals(0, ok.reconnects());

      received.set(0);
      LoadResult failing =
          new KeepAliveLoad(stub.address(), "/bad").run(1, Duration.ZERO, Duration.ofMillis(200));
      assertEquals(0, failing.requests());
      assertTrue(failing.failures() > 0);
      assertEquals(received.get(), failing.failures());
      assertEquals(0, failing.latencies().count());
    }
  }

  @Test
  void countsOnlyRequestsStartedAfterTheWarmUp() throws Exception {
    AtomicLong received = new AtomicLong();
    try (StubServer stub =
        new StubServer(
            exchange -> {
              received.incrementAndGet();
              StubServer.answer(exchange, 200, "{}", false);
            })) {
      LoadResult result =
          new KeepAliveLoad(stub.address(), "/ok")
              .run(1, Duration.ofMillis(200), Duration.ofMillis(200));
      // How many fell in the warm-up depends on timing; that none is counted twice does not.
      assertTrue(result.requests() > 0);
      assertTrue(received.get() >= result.requests(), received.get() + " " + result.requests());
      assertEquals(0, result.failures());
    }
  }
}
