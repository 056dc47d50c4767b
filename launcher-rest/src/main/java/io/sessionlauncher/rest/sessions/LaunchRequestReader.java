package io.sessionlauncher.rest.sessions;

import io.sessionlauncher.engine.config.JsonValues;
import io.sessionlauncher.model.InvalidRequestException;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.RequestTooLargeException;
import io.sessionlauncher.rest.http.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the body of a launch request into a {@link LaunchRequest}, refusing what is not a JSON
 * object with a string {@code application}. Errors use the reference's wording where it has one.
 */
final class LaunchRequestReader {
  /** The reference's message for a body without {@code application}. */
  static final String INCOMPLETE = "The request is not complete";

  /** Largest body accepted; a launch request is a handful of short keys. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  /** Deepest nesting accepted: the request object holding an array holding objects, and so on. */
  static final int MAX_DEPTH = 8;

  /**
   * Most JSON values (objects, arrays, keys' values and elements) accepted in one request: within
   * 64 KiB, 21,000 empty objects would otherwise become a megabyte of maps.
   */
  static final int MAX_VALUES = 1_000;

  private LaunchRequestReader() {}

  /**
   * Reads at most {@link #MAX_BODY_BYTES} of the body, so a huge body costs no more memory than a
   * normal one.
   */
  static LaunchRequest read(InputStream input, String owner) {
    byte[] bytes;
    try {
      bytes = input == null ? new byte[0] : input.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw new InvalidRequestException("The request body could not be read");
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new RequestTooLargeException(MAX_BODY_BYTES);
    }
    return read(new String(bytes, StandardCharsets.UTF_8), owner);
  }

  static LaunchRequest read(String body, String owner) {
    if (body == null || body.isBlank()) {
      throw new InvalidRequestException("The request body is empty; expected a JSON object");
    }
    JsonObject object;
    try (JsonReader reader = Json.PROVIDER.createReader(new StringReader(body))) {
      requireBoundedShape(body);
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidRequestException("The request body must be a JSON object");
      }
      object = value.asJsonObject();
    } catch (JsonParsingException e) {
      throw new InvalidRequestException(
          "The request body is not valid JSON (line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber()
              + ")");
    } catch (JsonException e) {
      throw new InvalidRequestException("The request body is not valid JSON");
    }
    JsonValue application = object.get("application");
    if (application == null || application.getValueType() == JsonValue.ValueType.NULL) {
      throw new InvalidRequestException(INCOMPLETE);
    }
    if (application.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidRequestException("The value of 'application' must be a string");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    object.forEach((key, value) -> values.put(key, JsonValues.plain(value)));
    return new LaunchRequest(((JsonString) application).getString(), values, owner);
  }

  /**
   * Walks the body as a stream of events, before any object is built, and refuses one nested deeper
   * than {@link #MAX_DEPTH} or holding more than {@link #MAX_VALUES} values.
   *
   * @throws JsonParsingException for a body that is not JSON, found on the way
   */
  private static void requireBoundedShape(String body) {
    try (JsonParser parser = Json.PROVIDER.createParser(new StringReader(body))) {
      int depth = 0;
      int values = 0;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        switch (event) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > MAX_DEPTH) {
              throw new InvalidRequestException(
                  "The request is nested deeper than " + MAX_DEPTH + " levels");
            }
            values++;
          }
          case END_OBJECT, END_ARRAY -> depth--;
          case KEY_NAME -> {
            // Counted with its value.
          }
          default -> values++;
        }
        if (values > MAX_VALUES) {
          throw new InvalidRequestException(
              "The request holds more than " + MAX_VALUES + " values");
        }
      }
    }
  }
}
