package io.sessionlauncher.bench.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sessionlauncher.bench.BenchmarkException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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

  @Test
  void sendsRequestValuesAsJson() throws Exception {
    AtomicReference<String> body = new AtomicReference<>();
    try (StubServer stub =
            new StubServer(
                exchange -> {
                  body.set(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
                  StubServer.answer(
                      exchange,
                      200,
                      "{\"id\":\"abc\",\"sessionURL\":\"ws://127.0.0.1:31008/ws\"}",
                      false);
                });
        LauncherClient client = new LauncherClient(stub.base(), "paraview")) {
      assertEquals(
          new Launched("abc", 31008), client.launch("sanitized", Map.of("cmd2", "hello\"912")));
      try (JsonReader reader = Json.createReader(new StringReader(body.get()))) {
        JsonObject sent = reader.readObject();
        assertEquals("sanitized", sent.getString("application"));
        assertEquals("hello\"912", sent.getString("cmd2"));
        assertEquals(2, sent.size());
      }
    }
  }
}
