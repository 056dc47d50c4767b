package io.sessionlauncher.ear;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** HTTP and WebSocket calls to the launcher in Liberty and to its sessions. */
final class Client {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  HttpResponse<String> post(String path, String body) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(request(path).GET());
  }

  HttpResponse<String> delete(String path) throws Exception {
    return send(request(path).DELETE());
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(LibertyServer.base().resolve(path))
        .timeout(Duration.ofSeconds(60));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until the launcher answers again after a server start. */
  void awaitLauncher() throws Exception {
    java.time.Instant end = java.time.Instant.now().plusSeconds(120);
    while (java.time.Instant.now().isBefore(end)) {
      try {
        HttpResponse<String> probe = get("paraview/3b241101-e2bb-4255-8caf-4136c566a962");
        // The launcher's own 404 is JSON; the server's, while the application is down, is not.
        if (probe.statusCode() == 404
            && probe
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/json")) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
    }
    throw new AssertionError("launcher did not come back within 120 s");
  }

  static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** Sends one text message over a WebSocket and returns the first text message back. */
  String echo(URI uri, String message) throws Exception {
    CompletableFuture<String> received = new CompletableFuture<>();
    WebSocket socket =
        http.newWebSocketBuilder()
            .buildAsync(
                uri,
                new WebSocket.Listener() {
                  private final StringBuilder text = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      received.complete(text.toString());
                    }
                    ws.request(1);
                    return null;
                  }

                  @Override
                  public void onError(WebSocket ws, Throwable error) {
                    received.completeExceptionally(error);
                  }
                })
            .get(10, TimeUnit.SECONDS);
    try {
      socket.sendText(message, true).get(10, TimeUnit.SECONDS);
      return received.get(10, TimeUnit.SECONDS);
    } finally {
      socket.abort();
    }
  }
}
