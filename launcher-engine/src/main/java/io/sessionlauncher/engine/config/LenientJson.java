package io.sessionlauncher.engine.config;

/**
 * Turns the JSON dialect that launcher files are written in into strict JSON: {@code //}, {@code /*
 * *}{@code /} and {@code #} comments outside strings become blanks. Blanks, not nothing, so that a
 * parser's line and column still point into the operator's file.
 */
final class LenientJson {
  private LenientJson() {}

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
