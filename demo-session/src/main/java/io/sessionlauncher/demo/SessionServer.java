package io.sessionlauncher.demo;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.util.StatusCodes;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import java.net.BindException;

/** The Undertow server of one session: plain HTTP and the WebSocket echo share one port. */
final class SessionServer {
  /**
   * Path of the WebSocket endpoint, which also answers every path below it ({@code /ws/a/b}, for
   * the launcher's tests of deep proxied paths); every other path answers with a greeting.
   */
  static final String WEBSOCKET_PATH = "/ws";

  // Bounds how long SIGTERM waits for worker tasks still running, so a stuck one cannot keep
  // the JVM from exiting.
  private static final int SHUTDOWN_TIMEOUT_MILLIS = 2_000;

  private final Undertow undertow;

  private SessionServer(Undertow undertow) {
    this.undertow = undertow;
  }

  /**
   * Binds the address and starts serving.
   *
   * @throws ListenException if the address cannot be bound, e.g. because the port is taken
   */
  static SessionServer start(SessionOptions options) throws ListenException {
    Undertow undertow =
        Undertow.builder()
            .addHttpListener(options.port(), options.host())
            .setHandler(routes(options))
            // One process per user: a single IO thread serves one person's traffic easily, and
            // the handlers never block, so a small pool keeps each session's footprint small.
            .setIoThreads(1)
            .setWorkerThreads(2)
            .setServerOption(UndertowOptions.SHUTDOWN_TIMEOUT, SHUTDOWN_TIMEOUT_MILLIS)
            .build();
    try {
      undertow.start();
    } catch (RuntimeException e) {
      // Undertow wraps every start-up failure in a bare RuntimeException; only the bind failure
      // deserves its own exit code, the rest stay unexpected.
      BindException bind = findBindException(e);
      if (bind == null) {
        throw e;
      }
      throw new ListenException(
          "cannot listen on " + options.host() + ":" + options.port() + ": " + bind.getMessage(),
          bind);
    }
    return new SessionServer(undertow);
  }

  /** Closes the listener and the connections, waiting at most the shutdown timeout for tasks. */
  void stop() {
    undertow.stop();
  }

  private static HttpHandler routes(SessionOptions options) {
    HttpHandler websocket =
        new WebSocketProtocolHandshakeHandler(
            new EchoEndpoint(), new ResponseCodeHandler(StatusCodes.BAD_REQUEST));
    HttpHandler guarded =
        options.secret().<HttpHandler>map(s -> new SecretGuard(s, websocket)).orElse(websocket);
    return new PathHandler(new GreetingHandler(options.port()))
        .addPrefixPath(WEBSOCKET_PATH, guarded);
  }

  private static BindException findBindException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException bind) {
        return bind;
      }
    }
    return null;
  }
}
