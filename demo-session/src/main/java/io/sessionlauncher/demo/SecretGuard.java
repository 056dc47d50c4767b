package io.sessionlauncher.demo;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Deque;

/**
 * Lets a request through only if its query parameter {@code secret} equals the session's secret.
 *
 * <p>Other users on the same machine can reach a loopback port too; the secret, known only to the
 * launcher and the session's owner, is what keeps them out of someone else's session.
 */
final class SecretGuard implements HttpHandler {
  static final String PARAMETER = "secret";

  private final byte[] expectedDigest;
  private final HttpHandler next;

  SecretGuard(String secret, HttpHandler next) {
    this.expectedDigest = digest(secret);
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    Deque<String> presented = exchange.getQueryParameters().get(PARAMETER);
    if (presented == null || presented.size() != 1 || !matches(presented.getFirst())) {
      exchange.setStatusCode(StatusCodes.FORBIDDEN);
      exchange.endExchange();
      return;
    }
    next.handleRequest(exchange);
  }

  /** Compares in constant time so response timing does not reveal how much of a guess was right. */
  boolean matches(String presented) {
    // Comparing digests rather than the raw strings also hides the secret's length.
    return MessageDigest.isEqual(expectedDigest, digest(presented));
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256, so this cannot happen on a working JDK.
      throw new IllegalStateException(e);
    }
  }
}
