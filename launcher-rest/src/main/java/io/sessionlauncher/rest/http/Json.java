package io.sessionlauncher.rest.http;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.util.Map;

/**
 * JSON in and out, written with JSON-P alone so the bytes are the same on Jersey/Yasson and on
 * Liberty's RESTEasy, whatever JSON-B provider each brings.
 */
public final class Json {
  /** The content type of every answer, as the reference sends it. */
  public static final String TYPE = MediaType.APPLICATION_JSON + "; charset=utf-8";

  /**
   * Looked up once: {@code jakarta.json.Json}'s factory methods run a ServiceLoader lookup on every
   * call, which cost an eighth of a GET's time.
   */
  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private Json() {}

  public static Response response(Response.Status status, Map<String, Object> body) {
    return response(status.getStatusCode(), body);
  }

  static Response response(int status, Map<String, Object> body) {
    return Response.status(status).entity(write(body)).type(TYPE).build();
  }

  public static Response error(int status, String message) {
    return response(status, Map.of("error", message));
  }

  public static String write(Map<String, Object> body) {
    JsonObject object = PROVIDER.createObjectBuilder(body).build();
    StringWriter out = new StringWriter();
    try (var writer = PROVIDER.createWriter(out)) {
      writer.write(object);
    }
    return out.toString();
  }
}
