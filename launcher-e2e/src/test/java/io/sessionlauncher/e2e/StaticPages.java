package io.sessionlauncher.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second web origin for the browser tests: the JDK's HTTP server on a loopback port, serving the
 * files of one folder for {@code GET}. Pages loaded from here call the launcher cross-origin.
 */
final class StaticPages implements AutoCloseable {
  private final HttpServer server;
  private final Path root;

  private StaticPages(HttpServer server, Path root) {
    this.server = server;
    this.root = root;
  }

  /** Serves {@code root} on {@code 127.0.0.1:port} ({@code 0}: any free port). */
  static StaticPages start(Path root, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    StaticPages pages = new StaticPages(server, root.toAbsolutePath().normalize());
    server.createContext("/", pages::handle);
    server.start();
    return pages;
  }

  /** {@code http://127.0.0.1:<port>}, as a browser writes the origin. */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  URI resolve(String path) {
    return URI.create(origin() + "/").resolve(path);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      if (!exchange.getRequestMethod().equals("GET")
          || !file.startsWith(root)
          || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String name = file.getFileName().toString();
      String type =
          name.endsWith(".html")
              ? "text/html; charset=utf-8"
              : name.endsWith(".js")
                  ? "text/javascript; charset=utf-8"
                  : "application/octet-stream";
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, Files.size(file));
      try (OutputStream body = exchange.getResponseBody()) {
        Files.copy(file, body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
