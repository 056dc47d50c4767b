package io.sessionlauncher.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

  @Test
  void readsLengthAndChunkedBodiesOverOneConnection() throws Exception {
    try (StubServer stub =
            new StubServer(
                exchange ->
                    StubServer.answer(
                        exchange,
                        200,
                        "{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}",
                        exchange.getRequestURI().getPath().contains("chunked")));
        HttpConnection connection = new HttpConnection(stub.address())) {
      assertEquals(new HttpReply(200, "{\"path\":\"/a\"}"), connection.send("GET", "/a", null));
      assertEquals(
          new HttpReply(200, "{\"path\":\"/chunked\"}"), connection.send("GET", "/chunked", null));
      assertEquals(
          new HttpReply(200, "{\"path\":\"/b\"}"), connection.send("POST", "/b", "{\"x\":1}"));
      assertEquals(0, connection.reconnects());
    }
  }

  @Test
  void opensANewConnectionWhenTheServerClosesOne() throws Exception {
    AtomicInteger served = new AtomicInteger();
    try (StubServer stub =
            new StubServer(
                exchange -> {
                  exchange.getResponseHeaders().set("Connection", "close");
                  StubServer.answer(
                      exchange, 200, "{\"n\":" + served.incrementAndGet() + "}", false);
                });
        HttpConnection connection = new HttpConnection(stub.address())) {
      for (int i = 1; i <= 3; i++) {
        assertEquals(new HttpReply(200, "{\"n\":" + i + "}"), connection.send("GET", "/", null));
      }
      assertTrue(connection.reconnects() >= 2, "reconnects: " + connection.reconnects());
    }
  }
}
