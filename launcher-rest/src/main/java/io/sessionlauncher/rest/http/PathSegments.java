package io.sessionlauncher.rest.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes raw (percent-encoded) URI path segments and decides which of them may name one entry of a
 * folder. Everything that could climb out of a folder or confuse a file system is refused here,
 * once, before any {@link Path} is built: dot segments, encoded separators, control characters, and
 * whatever the platform would read as more than one plain name.
 */
public final class PathSegments {
  private PathSegments() {}

  /**
   * The segment with its {@code %XX} escapes decoded as UTF-8, or empty when an escape or the UTF-8
   * is malformed. {@code +} stays a plus: it is only a space in query strings.
   */
  public static Optional<String> decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return Optional.of(raw);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return Optional.empty();
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return Optional.empty();
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        // A raw URI holds only ASCII; anything else came from a lenient parser: encode it as is.
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code name}, already decoded, names exactly one entry inside a folder: not empty, not
   * {@code .} or {@code ..}, no separator of any platform, no control character, and read by the
   * file system as one relative name equal to itself.
   */
  public static boolean isPlainName(String name) {
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return false;
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (c == '/' || c == '\\' || Character.isISOControl(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    try {
      Path path = Path.of(name);
      return !path.isAbsolute()
          && path.getRoot() == null
          && path.getNameCount() == 1
          && path.toString().equals(name);
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
