package io.sessionlauncher.example.greeter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Answers {@code GET} and {@code HEAD} of any path with the greeting as UTF-8 text; any other
 * method with 405. Any path, so that a session URL such as {@code ws://host:port/ws} leads to the
 * greeting too.
 */
final class GreetingHandler implements HttpHandler {
  private static final String TEXT = "text/plain; charset=utf-8";

  private final byte[] greeting;

  GreetingHandler(String greeting) {
    this.greeting = greeting.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", TEXT);
      if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, greeting.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(greeting);
      }
    }
  }
}
