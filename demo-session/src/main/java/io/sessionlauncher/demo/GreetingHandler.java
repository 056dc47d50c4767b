package io.sessionlauncher.demo;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;

/** Answers plain HTTP requests with one line, so a person or a health check sees the session. */
final class GreetingHandler implements HttpHandler {
  private final String greeting;

  GreetingHandler(int port) {
    this.greeting = "demo session on port " + port + "\n";
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    // HEAD is allowed too: Undertow drops the body for it, and checkers like to use it.
    if (!exchange.getRequestMethod().equals(Methods.GET)
        && !exchange.getRequestMethod().equals(Methods.HEAD)) {
      exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
      exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
      exchange.endExchange();
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=UTF-8");
    exchange.getResponseSender().send(greeting);
  }
}
