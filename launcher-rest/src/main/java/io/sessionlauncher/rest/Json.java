package io.sessionlauncher.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON in and out, written with JSON-P alone so the bytes are the same on Jersey/Yasson and on
 * Liberty's RESTEasy, whatever JSON-B provider each brings.
 */
final class Json {
  /** The content type of every answer, as the reference sends it. */
  static final String TYPE = MediaType.APPLICATION_JSON + "; charset=utf-8";

  private Json() {}

  static Response response(Response.Status status, Map<String, ?> body) {
    return response(status.getStatusCode(), body);
  }

  static Response response(int status, Map<String, ?> body) {
    return Response.status(status).entity(write(body)).type(TYPE).build();
  }

  static Response error(int status, String message) {
    return response(status, Map.of("error", message));
  }

  @SuppressWarnings("unchecked")
  static String write(Map<String, ?> body) {
    JsonObject object = jakarta.json.Json.createObjectBuilder((Map<String, Object>) body).build();
    StringWriter out = new StringWriter();
    try (var writer = jakarta.json.Json.createWriter(out)) {
      writer.write(object);
    }
    return out.toString();
  }

  /** A JSON value as a plain Java value: String, Long, BigDecimal, Boolean, null, List, Map. */
  static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((jakarta.json.JsonString) value).getString();
      case NUMBER -> {
        jakarta.json.JsonNumber number = (jakarta.json.JsonNumber) value;
        yield number.isIntegral() && fitsLong(number.bigDecimalValue())
            ? (Object) number.longValueExact()
            : number.bigDecimalValue();
      }
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        value.asJsonArray().forEach(item -> list.add(plain(item)));
        yield list;
      }
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        value.asJsonObject().forEach((key, item) -> map.put(key, plain(item)));
        yield map;
      }
    };
  }

  private static boolean fitsLong(BigDecimal number) {
    return number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
        && number.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0;
  }
}
