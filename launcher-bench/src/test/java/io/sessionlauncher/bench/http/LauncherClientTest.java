package io.sessionlauncher.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sessionlauncher.bench.BenchmarkException;
import org.junit.jupiter.api.Test;

class LauncherClientTest {

  @Test
  void readsTheSessionAndItsPortFromTheLaunchAnswer() throws Exception {
    try (StubServer stub =
            new StubServer(
                exchange -> {
                  if (exchange.getRequestMethod().equals("POST")) {
                    StubServer.answer(
                        exchange,
                        200,
                        "{\"id\":\"abc\",\"sessionURL\":\"ws://127.0.0.1:31007/ws\"}",
                        false);
                  } else {
                    StubServer.answer(exchange, 404, "{\"error\":\"no such session\"}", false);
                  }
                });
        LauncherClient client = new LauncherClient(stub.base(), "paraview")) {
      assertEquals(new Launched("abc", 31007), client.launch("instant"));
      assertEquals(404, client.get("abc").status());
      BenchmarkException refused = assertThrows(BenchmarkException.class, () -> client.delete("x"));
      assertEquals("DELETE /paraview/x: 404 {\"error\":\"no such session\"}", refused.getMessage());
    }
  }
}
