package io.sessionlauncher.bench.http;

import io.sessionlauncher.bench.BenchmarkException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

/**
 * The launcher's session resource, as a ParaViewWeb client uses it: POST to start, GET to look,
 * DELETE to stop. One keep-alive connection, so not thread-safe: one client per thread.
 */
public final class LauncherClient implements Closeable {
  private final HttpConnection connection;
  private final String endpointPath;

  /**
   * @param base the server's root, e.g. {@code http://127.0.0.1:9280/}
   * @param endpoint the launcher's {@code configuration.endpoint}
   */
  public LauncherClient(URI base, String endpoint) {
    this.connection = new HttpConnection(new InetSocketAddress(base.getHost(), base.getPort()));
    this.endpointPath = "/" + endpoint + "/";
  }

  /**
   * Starts a session of {@code application} and returns once the launcher says it is ready.
   *
   * @throws BenchmarkException when the launcher does not answer 200
   */
  public Launched launch(String application) {
    return launch(application, "{\"application\":\"" + application + "\"}");
  }

  /**
   * Starts a session of {@code application} with more request keys, as a client passing values to
   * the app's command does.
   *
   * @throws BenchmarkException when the launcher does not answer 200
   */
  public Launched launch(String application, Map<String, String> values) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("application", application);
    values.forEach(body::add);
    return launch(application, body.build().toString());
  }

  private Launched launch(String application, String body) {
    HttpReply reply = send("POST", endpointPath, body);
    if (reply.status() != 200) {
      throw new BenchmarkException(
          "POST "
              + endpointPath
              + " for "
              + application
              + ": "
              + reply.status()
              + " "
              + reply.body());
    }
    JsonObject session = parse(reply.body());
    URI sessionUrl = URI.create(session.getString("sessionURL"));
    return new Launched(session.getString("id"), sessionUrl.getPort());
  }

  /** The session's answer to GET, whatever its status. */
  public HttpReply get(String id) {
    return send("GET", endpointPath + id, null);
  }

  /** The session's WebSocket connections open through the launcher's proxy, as GET shows them. */
  public int proxiedConnections(String id) {
    HttpReply reply = get(id);
    if (reply.status() != 200) {
      throw new BenchmarkException("GET of session " + id + " answered " + reply.status());
    }
    return parse(reply.body()).getInt("proxiedConnections", 0);
  }

  /**
   * Stops the session; the launcher answers once its process tree is gone.
   *
   * @throws BenchmarkException when the launcher does not answer 200
   */
  public void delete(String id) {
    HttpReply reply = send("DELETE", endpointPath + id, null);
    if (reply.status() != 200) {
      throw new BenchmarkException(
          "DELETE " + endpointPath + id + ": " + reply.status() + " " + reply.body());
    }
  }

  private HttpReply send(String method, String path, String body) {
    try {
      return connection.send(method, path, body);
    } catch (IOException e) {
      connection.disconnect();
      throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
    }
  }

  private static JsonObject parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  @Override
  public void close() {
    connection.disconnect();
  }
}
