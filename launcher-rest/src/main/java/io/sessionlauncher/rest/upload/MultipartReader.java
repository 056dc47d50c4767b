package io.sessionlauncher.rest.upload;

import io.sessionlauncher.model.InvalidRequestException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming reader of a {@code multipart/form-data} body (RFC 7578, RFC 2046 section 5.1): each
 * part's headers, then its content as a stream that ends at the next boundary, without holding a
 * whole part in memory. Written here rather than taken from Jersey's or RESTEasy's multipart
 * modules so that the same code, with the same limits and errors, runs on both.
 *
 * <p>A body that is not well-formed (a missing boundary, headers that never end, a part cut short)
 * is an {@link InvalidRequestException}, as is a failure to read the request itself.
 */
final class MultipartReader {
  /** Largest header block of one part; a few lines are all a browser sends. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  private static final int BUFFER_BYTES = 64 * 1024;

  /** One part: its headers (names in lower case) and its content. */
  record Part(Map<String, String> headers, InputStream content) {
    /** A header's value, by case-insensitive name, or {@code null}. */
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int pos;
  private int limit;
  private boolean inContent = true;
  private boolean finished;
  private Content current;

  /**
   * @param in the request body
   * @param boundary the {@code boundary} parameter of the body's content type
   */
  MultipartReader(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    // The first boundary may open the body with no line break before it; a virtual one makes it
    // look like every other, and the preamble (usually empty) reads as a part's content.
    buffer[0] = '\r';
    buffer[1] = '\n';
    limit = 2;
  }

  /**
   * The next part, or {@code null} after the closing boundary. What was left unread of the previous
   * part is skipped; its stream then reads as ended.
   */
  Part next() {
    if (finished) {
      return null;
    }
    if (current != null) {
      current.ended = true;
    }
    byte[] skip = new byte[8192];
    while (readContent(skip, 0, skip.length) >= 0) {
      // The rest of the previous part, or the preamble.
    }
    require(2);
    if (buffer[pos] == '-' && buffer[pos + 1] == '-') {
      // The closing boundary: what follows is an epilogue that means nothing.
      finished = true;
      return null;
    }
    endBoundaryLine();
    Map<String, String> headers = readHeaders();
    inContent = true;
    current = new Content();
    return new Part(headers, current);
  }

  /** Skips transport padding after a boundary, then its line break. */
  private void endBoundaryLine() {
    while (true) {
      require(1);
      byte b = buffer[pos];
      if (b == ' ' || b == '\t') {
        pos++;
      } else if (b == '\n') {
        pos++;
        return;
      } else if (b == '\r') {
        require(2);
        if (buffer[pos + 1] != '\n') {
          throw malformed("a boundary line ends with a bare CR");
        }
        pos += 2;
        return;
      } else {
        throw malformed("a boundary is followed by other text on its line");
      }
    }
  }

  private Map<String, String> readHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    String previous = null;
    int total = 0;
    while (true) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      while (true) {
        require(1);
        byte b = buffer[pos++];
        if (++total > MAX_HEADER_BYTES) {
          throw malformed("the headers of a part are longer than " + MAX_HEADER_BYTES + " bytes");
        }
        if (b == '\n') {
          break;
        }
        line.write(b);
      }
      String text = line.toString(StandardCharsets.UTF_8);
      if (text.endsWith("\r")) {
        text = text.substring(0, text.length() - 1);
      }
      if (text.isEmpty()) {
        return Collections.unmodifiableMap(headers);
      }
      if ((text.charAt(0) == ' ' || text.charAt(0) == '\t') && previous != null) {
        // An obsolete folded line continues the previous header.
        headers.merge(previous, " " + text.strip(), String::concat);
        continue;
      }
      int colon = text.indexOf(':');
      if (colon <= 0) {
        throw malformed("a part has a header line without a name");
      }
      previous = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      headers.put(previous, text.substring(colon + 1).strip());
    }
  }

  /**
   * Reads content up to the next delimiter; -1 once it is reached (and consumed). Keeps the last
   * {@code delimiter.length - 1} bytes of the buffer back while they could be a delimiter's start.
   */
  private int readContent(byte[] target, int offset, int length) {
    if (!inContent) {
      return -1;
    }
    while (true) {
      int at = indexOfDelimiter();
      if (at == pos) {
        pos += delimiter.length;
        inContent = false;
        return -1;
      }
      int available = at >= 0 ? at - pos : limit - pos - (delimiter.length - 1);
      if (available > 0) {
        int n = Math.min(length, available);
        System.arraycopy(buffer, pos, target, offset, n);
        pos += n;
        return n;
      }
      if (!fill()) {
        throw malformed("the body ends before its closing boundary");
      }
    }
  }

  private int indexOfDelimiter() {
    int last = limit - delimiter.length;
    outer:
    for (int i = pos; i <= last; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (buffer[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Makes at least {@code count} bytes available, or fails: the body ended too early. */
  private void require(int count) {
    while (limit - pos < count) {
      if (!fill()) {
        throw malformed("the body ends before its closing boundary");
      }
    }
  }

  /** Reads more of the body into the buffer; false at its end. */
  private boolean fill() {
    if (pos > 0) {
      System.arraycopy(buffer, pos, buffer, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buffer.length) {
      // Every caller needs far less than a buffer at a time; reaching this is a bug here.
      throw new IllegalStateException("multipart buffer full");
    }
    try {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        return false;
      }
      limit += n;
      return true;
    } catch (IOException e) {
      throw new InvalidRequestException("The upload could not be read: " + e.getMessage(), e);
    }
  }

  private static InvalidRequestException malformed(String problem) {
    return new InvalidRequestException("The upload is not valid multipart/form-data: " + problem);
  }

  /** A part's content: ends at the next boundary, or when the reader has moved past the part. */
  private final class Content extends InputStream {
    private boolean ended;

    @Override
    public int read() {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (ended) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      int n = readContent(target, offset, length);
      if (n < 0) {
        ended = true;
      }
      return n;
    }
  }
}
