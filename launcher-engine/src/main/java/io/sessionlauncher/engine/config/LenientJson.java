package io.sessionlauncher.engine.config;

import io.sessionlauncher.model.ConfigurationException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the JSON dialect that launcher files are written in: strict JSON plus {@code //}, {@code /*
 * *}{@code /} and {@code #} comments outside strings. Every launcher file ({@code launcher.json}, a
 * stored product configuration file) is read here, and every failure is a {@link
 * ConfigurationException} naming the file, with the line and column of a syntax error.
 */
public final class LenientJson {
  private LenientJson() {}

  /** The file's top-level object, as plain values ({@link JsonValues#plain}). */
  public static Map<String, Object> readObject(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException(file, "", "cannot be read: " + e, e);
    }
    return readObject(text, file);
  }

  /**
   * The text's top-level object, as plain values.
   *
   * @param source names the text in messages; {@code null} for text from memory
   */
  public static Map<String, Object> readObject(String text, Path source) {
    try (JsonReader reader = Json.createReader(new StringReader(stripComments(text)))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new ConfigurationException(
            source,
            "",
            "expected a JSON object at the top, found "
                + JsonConverter.describe(JsonValues.plain(value)));
      }
      return JsonValues.plainObject(value.asJsonObject());
    } catch (JsonParsingException e) {
      throw new ConfigurationException(
          source,
          "",
          "is not valid JSON at line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber()
              + ": "
              + e.getMessage(),
          e);
    } catch (JsonException e) {
      throw new ConfigurationException(source, "", "is not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The text as strict JSON: comments become blanks. Blanks, not nothing, so that a parser's line
   * and column still point into the operator's file.
   */
  static String stripComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"') {
        int end = endOfString(text, i);
        out.append(text, i, end);
        i = end;
      } else if (c == '#' || (c == '/' && i + 1 < n && text.charAt(i + 1) == '/')) {
        while (i < n && text.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int close = text.indexOf("*/", i + 2);
        int end = close < 0 ? n : close + 2;
        for (; i < end; i++) {
          out.append(text.charAt(i) == '\n' ? '\n' : ' ');
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Index just after the string literal that opens at {@code start}, or the text's end. */
  private static int endOfString(String text, int start) {
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"' || c == '\n') {
        return i + 1;
      } else {
        i++;
      }
    }
    return text.length();
  }
}
