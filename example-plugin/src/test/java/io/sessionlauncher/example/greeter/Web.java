package io.sessionlauncher.example.greeter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** HTTP calls to a greeter and checks on its port, each bounded in time. */
final class Web {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(TIMEOUT)
          .build();

  private Web() {}

  /** {@code method} of {@code http://<address><path>}. */
  static HttpResponse<String> send(String method, String address, String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://" + address + path))
            .timeout(TIMEOUT)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String address, String path) throws Exception {
    return send("GET", address, path);
  }

  /** A port nothing listens on right now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The port of {@code host:port}. */
  static int port(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  /** Whether {@code port} can be bound on loopback within {@code limit}, i.e. nothing holds it. */
  static boolean becomesFree(int port, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        return true;
      } catch (IOException e) {
        if (System.nanoTime() - deadline > 0) {
          return false;
        }
        LockSupport.parkNanos(20_000_000L);
      }
    }
  }
}
