package io.sessionlauncher.engine.plugin.builtin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.PluginException;
import io.sessionlauncher.spi.ProductLauncher;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP file server: the JDK's HTTP server on the assigned pair (or a free port), serving files
 * below the configured folder and nothing outside it. Binding port 0 lets the kernel choose a free
 * port atomically, where the reference finds a "free" port and hopes it is still free.
 */
final class HttpServerLauncher implements ProductLauncher {
  /** Requests served at once; the others wait for a turn. */
  static final int HANDLER_THREADS = 8;

  private final HttpServerPlugin.Config config;
  private final LaunchContext context;
  private HttpServer server;
  private volatile HostPort address;

  HttpServerLauncher(HttpServerPlugin.Config config, LaunchContext context) {
    this.config = config;
    this.context = context;
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    Path root;
    try {
      root = config.directory().toRealPath();
    } catch (IOException e) {
      throw new PluginException("http-server: folder " + config.directory() + " not found", e);
    }
    HostPort wanted =
        context
            .assignedResource()
            .orElse(new HostPort(config.host() == null ? "127.0.0.1" : config.host(), 1));
    int port = context.resource() == null ? 0 : wanted.port();
    try {
      server = HttpServer.create(new InetSocketAddress(wanted.host(), port), 16);
    } catch (IOException e) {
      throw new PluginException("http-server: cannot listen on " + wanted.host() + ":" + port, e);
    }
    server.createContext("/", exchange -> serve(root, exchange));
    // Slow clients of a large file hold a handler each: a few threads, however many connect.
    server.setExecutor(context.limitedExecutor(HANDLER_THREADS));
    server.start();
    address = new HostPort(wanted.host(), server.getAddress().getPort());
  }

  private static void serve(Path root, HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")
          && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Path file;
      try {
        file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      } catch (InvalidPathException e) {
        // No file has such a name (a NUL byte, say): answer, rather than drop the connection.
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (Files.isDirectory(file)) {
        file = file.resolve("index.html");
      }
      if (!file.startsWith(root)
          || !Files.isRegularFile(file)
          || !file.toRealPath().startsWith(root)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String type = Files.probeContentType(file);
      exchange
          .getResponseHeaders()
          .set("Content-Type", type == null ? "application/octet-stream" : type);
      if (exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, Files.size(file));
      try (OutputStream body = exchange.getResponseBody()) {
        Files.copy(file, body);
      }
    }
  }

  @Override
  public synchronized void stop(Duration grace) {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  @Override
  public boolean check(Duration timeout) {
    HostPort current = address;
    if (current == null || server == null) {
      return false;
    }
    try {
      URL url = URI.create("http://" + current + "/").toURL();
      HttpURLConnection connection = (HttpURLConnection) url.openConnection();
      int millis = (int) Math.max(1, timeout.toMillis());
      connection.setConnectTimeout(millis);
      connection.setReadTimeout(millis);
      connection.setRequestMethod("HEAD");
      try {
        return connection.getResponseCode() < 500;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public Map<String, String> urls() {
    HostPort current = address;
    return current == null || server == null ? Map.of() : Map.of("main", current.toString());
  }
}
