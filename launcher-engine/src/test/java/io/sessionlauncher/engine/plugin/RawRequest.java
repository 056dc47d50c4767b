package io.sessionlauncher.engine.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request sent byte for byte: Java's HTTP clients normalise {@code ..} out of a path,
 * which is exactly what a traversal test must send.
 */
final class RawRequest {
  private static final int TIMEOUT_MILLIS = 10_000;

  private RawRequest() {}

  /** The answer's status line and body, or {@code "(closed)"} if none came. */
  record Answer(int status, String headers, String body) {}

  /** {@code method target} to {@code host:port}. */
  static Answer send(String address, String method, String target) throws IOException {
    int colon = address.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
          TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method + " " + target + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String text = readAll(socket.getInputStream());
      if (text.isEmpty()) {
        return new Answer(-1, "", "(closed)");
      }
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String body = end < 0 ? "" : text.substring(end + 4);
      return new Answer(Integer.parseInt(head.split(" ")[1]), head, body);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
