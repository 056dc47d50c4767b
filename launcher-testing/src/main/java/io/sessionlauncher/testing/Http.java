package io.sessionlauncher.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A small HTTP client over {@code java.net.http} for the launcher's tests: HTTP/1.1, no proxy,
 * every request bounded in time, answers read as text. Paths are resolved against a base URI when
 * one is given, so a test writes {@code http.get("paraview/" + id)}.
 */
public final class Http {
  /** How long a request may take; a launch waits for its session to be ready. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** How long opening a connection may take. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final URI base;
  private final HttpClient client;

  /** A client for absolute URIs. */
  public Http() {
    this(null);
  }

  /** A client that resolves paths against {@code base} (which should end with {@code /}). */
  public Http(URI base) {
    this.base = base;
    this.client = newClient();
  }

  /** The kind of {@link HttpClient} every helper here uses, for a test that needs its own. */
  public static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .proxy(HttpClient.Builder.NO_PROXY)
        .connectTimeout(CONNECT_TIMEOUT)
        .build();
  }

  /** The base URI that paths are resolved against, or {@code null}. */
  public URI base() {
    return base;
  }

  /** A request builder for {@code uri} with the default timeout. */
  public static HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
  }

  /** A request builder for {@code path} under the base URI, with the default timeout. */
  public HttpRequest.Builder request(String path) {
    return request(uri(path));
  }

  /** {@code path} resolved against the base URI. */
  public URI uri(String path) {
    if (base == null) {
      throw new IllegalStateException("no base URI to resolve " + path + " against");
    }
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  /** An answer: status, content type, headers and body. */
  public record Answer(int status, String contentType, HttpResponse<String> raw) {
    public String body() {
      return raw.body();
    }

    /** The body read as a JSON object. */
    public JsonObject json() {
      return Json.createReader(new StringReader(raw.body())).readObject();
    }

    /** The first value of header {@code name}, or {@code null}. */
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    /** Every value of header {@code name}. */
    public List<String> headers(String name) {
      return raw.headers().allValues(name);
    }

    public HttpHeaders headers() {
      return raw.headers();
    }
  }

  /** {@code POST} of a JSON body. */
  public Answer post(URI uri, String json) {
    return send(
        request(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Answer post(String path, String json) {
    return post(uri(path), json);
  }

  public Answer get(URI uri) {
    return send(request(uri).GET().build());
  }

  public Answer get(String path) {
    return get(uri(path));
  }

  public Answer delete(URI uri) {
    return send(request(uri).DELETE().build());
  }

  public Answer delete(String path) {
    return delete(uri(path));
  }

  /** Sends {@code request}; an I/O failure is an {@link UncheckedIOException}. */
  public Answer send(HttpRequest request) {
    HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(null),
        response);
  }

  /**
   * Sends {@code request} and reads the answer with {@code body}, for bytes or a discarded body.
   */
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return client.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
    }
  }
}
