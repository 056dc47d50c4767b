package io.sessionlauncher.rest.upload;

import io.sessionlauncher.rest.http.PathSegments;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The file name of a form part, from its {@code Content-Disposition} header: {@code filename*} (RFC
 * 5987, {@code UTF-8''%E2%82%AC.txt}) when present and readable, else {@code filename}. A part
 * without either is a plain form field, not a file.
 */
final class ContentDisposition {
  private ContentDisposition() {}

  /** The file name the client sent, not yet checked, or empty for a field that is not a file. */
  static Optional<String> fileName(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Map<String, String> parameters = parameters(header);
    Optional<String> extended =
        Optional.ofNullable(parameters.get("filename*")).flatMap(ContentDisposition::extValue);
    return extended.isPresent() ? extended : Optional.ofNullable(parameters.get("filename"));
  }

  /** The {@code ;}-separated parameters after the disposition type, names in lower case. */
  static Map<String, String> parameters(String header) {
    Map<String, String> parameters = new LinkedHashMap<>();
    int i = header.indexOf(';');
    while (i >= 0 && i < header.length()) {
      i++;
      int equals = header.indexOf('=', i);
      int semicolon = header.indexOf(';', i);
      if (equals < 0 || (semicolon >= 0 && semicolon < equals)) {
        // A parameter without a value: skip it.
        i = semicolon;
        continue;
      }
      String name = header.substring(i, equals).strip().toLowerCase(Locale.ROOT);
      int start = equals + 1;
      while (start < header.length() && header.charAt(start) == ' ') {
        start++;
      }
      String value;
      if (start < header.length() && header.charAt(start) == '"') {
        StringBuilder text = new StringBuilder();
        i = header.indexOf(';', quoted(header, start + 1, text));
        value = text.toString();
      } else {
        i = header.indexOf(';', start);
        value = header.substring(start, i < 0 ? header.length() : i).strip();
      }
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  /**
   * Reads a quoted string from {@code start} (after the opening quote) into {@code value}; returns
   * the index after the closing quote. Only {@code \"} and {@code \\} are escapes: old browsers on
   * Windows sent paths such as {@code C:\Users\me\a.txt} with their backslashes unescaped.
   */
  private static int quoted(String header, int start, StringBuilder value) {
    int i = start;
    while (i < header.length()) {
      char c = header.charAt(i);
      if (c == '\\'
          && i + 1 < header.length()
          && (header.charAt(i + 1) == '"' || header.charAt(i + 1) == '\\')) {
        value.append(header.charAt(i + 1));
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        value.append(c);
        i++;
      }
    }
    return i;
  }

  /** {@code UTF-8'language'percent-encoded}, decoded; empty if it cannot be read. */
  private static Optional<String> extValue(String text) {
    int first = text.indexOf('\'');
    int second = first < 0 ? -1 : text.indexOf('\'', first + 1);
    if (second < 0) {
      return Optional.empty();
    }
    // UTF-8 is the one charset RFC 8187 requires, and the one clients send.
    if (!text.substring(0, first).strip().equalsIgnoreCase("UTF-8")) {
      return Optional.empty();
    }
    return PathSegments.decode(text.substring(second + 1));
  }
}
