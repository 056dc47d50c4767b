package io.sessionlauncher.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The load generator works end to end; its figures are not judged here. */
class KeepAliveLoadTest {

  @Test
  void countsAnsweredRequestsAndFailures() throws Exception {
    try (StubServer stub =
        new StubServer(
            exchange ->
                StubServer.answer(
                    exchange,
                    exchange.getRequestURI().getPath().equals("/ok") ? 200 : 503,
                    "{}",
                    false))) {
      LoadResult ok =
          new KeepAliveLoad(stub.address(), "/ok")
              .run(2, Duration.ofMillis(100), Duration.ofMillis(400));
      assertTrue(ok.requests() > 0);
      assertEquals(0, ok.failures());
      assertEquals(ok.requests(), ok.latencies().count());
      assertEquals(2, ok.connections());

      LoadResult failing =
          new KeepAliveLoad(stub.address(), "/bad").run(1, Duration.ZERO, Duration.ofMillis(200));
      assertEquals(0, failing.requests());
      assertTrue(failing.failures() > 0);
    }
  }
}
