package io.sessionlauncher.example.greeter;

import com.sun.net.httpserver.HttpServer;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.PluginException;
import io.sessionlauncher.spi.ProductLauncher;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One greeter: the JDK's HTTP server answering the greeting, from {@link #start} to {@link #stop}.
 *
 * <p>The rules every {@link ProductLauncher} follows, and how this one keeps them:
 *
 * <ul>
 *   <li>Listen where the launcher says. Inside the server, {@link LaunchContext#resource()} is the
 *       host/port pair the launcher took from its pool for this session; the proxy routes the
 *       session there. In plain Java there is none, and the greeter binds port 0 so the kernel
 *       picks a free port at bind time, with no window in which another program could take it.
 *   <li>{@link #start} throws when the product cannot start, after cleaning up what it started;
 *       here, a failed bind leaves nothing open.
 *   <li>{@link #stop} returns in finite time and may be called any number of times, before or after
 *       start.
 *   <li>{@link #check} never hangs and never throws: it is an HTTP GET bounded by the timeout.
 *   <li>{@link #urls} names every server of the plugin's spec once started.
 *   <li>Every method may be called from any thread.
 * </ul>
 */
final class GreeterLauncher implements ProductLauncher {
  private final GreeterConfig config;
  private final LaunchContext context;
  private HttpServer server; // guarded by this
  private volatile String address; // host:port while running, else null

  GreeterLauncher(GreeterConfig config, LaunchContext context) {
    this.config = config;
    this.context = context;
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException(context.name() + " is already started");
    }
    HostPort assigned = context.resource();
    String host = assigned == null ? config.host() : assigned.host();
    int port = assigned == null ? 0 : assigned.port();
    HttpServer created;
    try {
      created = HttpServer.create(new InetSocketAddress(host, port), config.backlog());
    } catch (IOException | IllegalArgumentException e) {
      // IllegalArgumentException: UnresolvedAddressException for a host name that does not resolve.
      throw new PluginException(
          "Product "
              + GreeterPlugin.PRODUCT
              + " ("
              + context.name()
              + ") cannot listen on "
              + host
              + ":"
              + port
              + ": "
              + e,
          e);
    }
    created.createContext("/", new GreetingHandler(config.greeting()));
    // Requests are answered on the launcher's executor: the container's managed threads in the
    // application server.
    // A few threads of the launcher's, however many clients connect.
    created.setExecutor(context.limitedExecutor(8));
    created.start();
    server = created;
    address = host + ":" + created.getAddress().getPort();
  }

  /**
   * Closes the listening socket at once: {@code HttpServer.stop(n)} of Java 17 waits the full
   * {@code n} seconds even when no request is in progress, and a greeting takes microseconds to
   * send, so the grace period is not needed.
   */
  @Override
  public void stop(Duration grace) {
    HttpServer running;
    synchronized (this) {
      running = server;
      server = null;
      address = null;
    }
    if (running != null) {
      running.stop(0);
    }
  }

  /** A GET of {@code /} answered 200 within {@code timeout}, without any proxy in between. */
  @Override
  public boolean check(Duration timeout) {
    String current = address;
    if (current == null) {
      return false;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      HttpURLConnection connection =
          (HttpURLConnection)
              URI.create("http://" + current + "/").toURL().openConnection(Proxy.NO_PROXY);
      try {
        connection.setConnectTimeout(millisUntil(deadline));
        connection.setUseCaches(false);
        connection.connect();
        connection.setReadTimeout(millisUntil(deadline));
        return connection.getResponseCode() == HttpURLConnection.HTTP_OK;
      } finally {
        connection.disconnect();
      }
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** At least one millisecond: zero would mean "wait forever" to {@link HttpURLConnection}. */
  private static int millisUntil(long deadline) {
    long left = (deadline - System.nanoTime()) / 1_000_000L;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
  }

  @Override
  public Map<String, String> urls() {
    String current = address;
    return current == null ? Map.of() : Map.of(GreeterPlugin.MAIN, current);
  }
}
