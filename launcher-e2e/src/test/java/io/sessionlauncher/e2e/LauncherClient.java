package io.sessionlauncher.e2e;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** HTTP calls to one launcher in Liberty, and WebSocket and HTTP calls to its sessions. */
final class LauncherClient {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final long SOCKET_SECONDS = 10;

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** A client for the launcher whose HTTP endpoint is {@code 127.0.0.1:<port>}. */
  LauncherClient(int port) {
    this.base = URI.create("http://127.0.0.1:" + port + "/");
  }

  URI base() {
    return base;
  }

  HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(base.resolve(path));
  }

  HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Waits up to {@code limit} until the launcher answers HTTP at all. */
  boolean awaitUp(Duration limit) {
    return Waits.until(
        () -> {
          try {
            get("paraview/3b241101-e2bb-4255-8caf-4136c566a962");
            return true;
          } catch (IOException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
          }
        },
        limit);
  }

  static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** Sends one text message over a WebSocket and returns the first text message back. */
  String echo(URI uri, String message) throws Exception {
    CompletableFuture<String> received = new CompletableFuture<>();
    WebSocket socket =
        http.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(SOCKET_SECONDS))
            .buildAsync(uri, new FirstText(received))
            .get(SOCKET_SECONDS, TimeUnit.SECONDS);
    try {
      socket.sendText(message, true).get(SOCKET_SECONDS, TimeUnit.SECONDS);
      return received.get(SOCKET_SECONDS, TimeUnit.SECONDS);
    } finally {
      socket.abort();
    }
  }

  /**
   * Opens a WebSocket that is expected to be refused, and returns the HTTP status of the refusal.
   *
   * @throws AssertionError if the handshake succeeds, or fails without an HTTP answer
   */
  int refusedHandshake(URI uri) throws InterruptedException {
    CompletableFuture<WebSocket> opening =
        http.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(SOCKET_SECONDS))
            .buildAsync(uri, new FirstText(new CompletableFuture<>()));
    try {
      WebSocket socket = opening.get(SOCKET_SECONDS, TimeUnit.SECONDS);
      socket.abort();
      throw new AssertionError("WebSocket to " + uri + " was accepted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw new AssertionError("WebSocket to " + uri + " failed without an HTTP answer", e);
    } catch (java.util.concurrent.TimeoutException e) {
      opening.cancel(true);
      throw new AssertionError("WebSocket to " + uri + " got no answer in time", e);
    }
  }

  private static final class FirstText implements WebSocket.Listener {
    private final CompletableFuture<String> received;
    private final StringBuilder text = new StringBuilder();

    FirstText(CompletableFuture<String> received) {
      this.received = received;
    }

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
  }
}
