package io.sessionlauncher.engine.template;

import io.sessionlauncher.model.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How request values (plain Java values parsed from JSON) become template text. */
final class RequestValues {
  private static final int QUOTE_LIMIT = 80;

  private RequestValues() {}

  /** Text of a scalar value; a list or object cannot stand in one argument. */
  static Optional<String> text(String key, Object value) {
    if (value == null) {
      return Optional.of("");
    }
    if (value instanceof String text && text.indexOf('\0') >= 0) {
      // No operating system can pass a NUL inside an argument; refuse rather than fail the start.
      throw new InvalidRequestException("The value of '" + key + "' contains a NUL character");
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return Optional.of(value.toString());
    }
    throw new InvalidRequestException(
        "The value of '" + key + "' must be a string, number or boolean, found " + kind(value));
  }

  static String kind(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof List<?>) {
      return "an array";
    } else if (value instanceof Map<?, ?>) {
      return "an object";
    } else if (value instanceof Number) {
      return "a number";
    } else if (value instanceof Boolean) {
      return "a boolean";
    }
    return "a string";
  }

  /** A value for a log line: bounded, with control characters escaped, so logs stay readable. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length() && i < QUOTE_LIMIT; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(text.length() > QUOTE_LIMIT ? "...\"" : "\"").toString();
  }
}
