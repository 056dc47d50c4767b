package io.sessionlauncher.rest.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A small HTTP and WebSocket client over {@code java.net.http}, for the launcher's tests. */
public final class Http {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** An answer: status, headers and body. */
  public record Answer(int status, String contentType, HttpResponse<String> raw) {
    public String body() {
      return raw.body();
    }

    public JsonObject json() {
      return Json.createReader(new StringReader(raw.body())).readObject();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Answer post(URI uri, String body) {
    return send(
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public Answer get(URI uri) {
    return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
  }

  public Answer delete(URI uri) {
    return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).DELETE().build());
  }

  public Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens a WebSocket, sends {@code message}, and returns the first text message received. */
  public String echo(URI uri, String message) throws Exception {
    CompletableFuture<String> received = new CompletableFuture<>();
    WebSocket socket =
        client
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(
                uri,
                new WebSocket.Listener() {
                  private final StringBuilder text = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      received.complete(text.toString());
                    }
                    webSocket.request(1);
                    return null;
                  }

                  @Override
                  public void onError(WebSocket webSocket, Throwable error) {
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
