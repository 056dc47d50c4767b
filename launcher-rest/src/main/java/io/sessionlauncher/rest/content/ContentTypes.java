package io.sessionlauncher.rest.content;

import java.util.Locale;
import java.util.Map;

/**
 * The media type of a static file from its extension. A fixed table rather than {@code
 * Files.probeContentType}, whose answer depends on the host's MIME database and would differ
 * between a developer's machine, a container image and the server.
 */
final class ContentTypes {
  /** What a file of unknown kind is sent as: browsers then download it rather than render it. */
  static final String DEFAULT = "application/octet-stream";

  private static final String UTF8 = "; charset=utf-8";

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("html", "text/html" + UTF8),
          Map.entry("htm", "text/html" + UTF8),
          Map.entry("js", "text/javascript" + UTF8),
          Map.entry("mjs", "text/javascript" + UTF8),
          Map.entry("css", "text/css" + UTF8),
          Map.entry("json", "application/json" + UTF8),
          Map.entry("map", "application/json" + UTF8),
          Map.entry("txt", "text/plain" + UTF8),
          Map.entry("csv", "text/csv" + UTF8),
          Map.entry("xml", "application/xml"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("ico", "image/vnd.microsoft.icon"),
          Map.entry("wasm", "application/wasm"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("woff", "font/woff"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("ttf", "font/ttf"),
          Map.entry("otf", "font/otf"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("webm", "video/webm"));

  private ContentTypes() {}

  /** The type for {@code fileName}, or {@link #DEFAULT}. */
  static String of(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1) {
      return DEFAULT;
    }
    return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
  }
}
