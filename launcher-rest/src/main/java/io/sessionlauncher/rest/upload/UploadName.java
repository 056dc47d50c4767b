package io.sessionlauncher.rest.upload;

import io.sessionlauncher.model.InvalidRequestException;
import io.sessionlauncher.rest.http.PathSegments;
import java.nio.charset.StandardCharsets;

/**
 * The name an uploaded file is stored under: the base name of what the client sent, the part after
 * its last {@code /} or {@code \} (browsers on Windows used to send whole paths). Names that are
 * empty, a dot segment, too long for a file system, or hold a control character are refused, so the
 * stored file always lands directly inside {@code upload_dir}.
 */
final class UploadName {
  /** Most file systems allow 255 bytes per name. */
  static final int MAX_BYTES = 255;

  private UploadName() {}

  /** The base name of {@code sent}, or {@link InvalidRequestException} if it cannot be stored. */
  static String of(String sent) {
    for (int i = 0; i < sent.length(); ) {
      int c = sent.codePointAt(i);
      if (Character.isISOControl(c)) {
        throw new InvalidRequestException(
            "The uploaded file name " + printable(sent) + " holds a control character");
      }
      i += Character.charCount(c);
    }
    String base = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
    if (base.isEmpty()) {
      throw new InvalidRequestException("An uploaded file has no name: \"" + sent + "\"");
    }
    if (base.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new InvalidRequestException(
          "The uploaded file name is longer than " + MAX_BYTES + " bytes");
    }
    if (!PathSegments.isPlainName(base)) {
      throw new InvalidRequestException(
          "The uploaded file name \"" + sent + "\" cannot be stored as \"" + base + "\"");
    }
    return base;
  }

  /** The name with control characters shown as {@code \\uXXXX}, fit for a message and a log. */
  private static String printable(String name) {
    StringBuilder out = new StringBuilder("\"");
    name.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }
}
