package io.sessionlauncher.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a request line exactly as given over a plain socket. {@code java.net.http} refuses or
 * rewrites some targets (raw backslashes, dot segments), and traversal tests must put the very
 * bytes an attacker would on the wire.
 */
public final class RawHttp {
  private static final int TIMEOUT_MILLIS = 30_000;

  private RawHttp() {}

  /** An answer: status code, raw header block and body text. */
  public record Answer(int status, String headers, String body) {
    /** The first value of a header, by case-insensitive name, or {@code null}. */
    public String header(String name) {
      for (String line : headers.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0
            && line.substring(0, colon)
                .trim()
                .toLowerCase(Locale.ROOT)
                .equals(name.toLowerCase(Locale.ROOT))) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  /** {@code GET target HTTP/1.1} to the server at {@code base}; {@code target} is sent as is. */
  public static Answer get(URI base, String target) {
    return send(base, "GET", target, base.getHost() + ":" + base.getPort(), null);
  }

  /**
   * A request with the {@code Host} header given (which {@code java.net.http} will not let a caller
   * set) and a JSON body, or none when {@code body} is {@code null}.
   */
  public static Answer send(URI base, String method, String target, String host, String body) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head =
          new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n");
      if (body != null) {
        head.append("Content-Type: application/json\r\nContent-Length: ")
            .append(content.length)
            .append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    return all.toByteArray();
  }

  private static Answer parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.") || end < 0) {
      throw new IllegalStateException("not an HTTP answer: " + text);
    }
    int status = Integer.parseInt(text.substring(9, 12));
    String headers = text.substring(text.indexOf("\r\n") + 2, end);
    String body = text.substring(end + 4);
    return new Answer(status, headers, body);
  }
}
