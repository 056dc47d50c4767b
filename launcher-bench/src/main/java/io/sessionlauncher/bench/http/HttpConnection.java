package io.sessionlauncher.bench.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One blocking HTTP/1.1 keep-alive connection over a plain socket. The harness uses it instead of
 * {@code java.net.http.HttpClient} because on two cores the client shares the CPU with the server:
 * this costs a few microseconds per request where HttpClient's selector thread and futures cost
 * tens, so the figures are the server's rather than the client's. Not thread-safe: one per thread.
 *
 * <p>The server may close a connection after a number of requests (Liberty's {@code
 * maxKeepAliveRequests} is 100 by default); the next request then opens a new one, as a browser or
 * wrk would.
 */
public final class HttpConnection implements Closeable {
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int READ_TIMEOUT_MILLIS = 120_000;

  private final InetSocketAddress address;
  private final String hostHeader;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private int reconnects;

  public HttpConnection(InetSocketAddress address) {
    this.address = address;
    this.hostHeader = address.getHostString() + ":" + address.getPort();
  }

  /**
   * Sends one request and reads the whole answer.
   *
   * @param body the JSON body, or {@code null} for none
   */
  public HttpReply send(String method, String path, String body) throws IOException {
    byte[] request = request(method, path, body);
    boolean reused = socket != null;
    try {
      return exchange(request);
    } catch (EOFException e) {
      // A reused connection the server closed while idle; nothing was processed, send it again.
      disconnect();
      if (!reused) {
        throw e;
      }
      return exchange(request);
    }
  }

  /** How many times a connection had to be opened after the first. */
  public int reconnects() {
    return reconnects;
  }

  private HttpReply exchange(byte[] request) throws IOException {
    if (socket == null) {
      open();
    }
    out.write(request);
    out.flush();
    Head head = readHead();
    byte[] content = head.chunked ? readChunked() : in.readNBytes(head.contentLength);
    if (content.length < head.contentLength) {
      throw new IOException("connection closed in the middle of a body");
    }
    if (head.close) {
      disconnect();
    }
    return new HttpReply(head.status, new String(content, StandardCharsets.UTF_8));
  }

  private byte[] request(String method, String path, String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(160);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(hostHeader).append("\r\n");
    head.append("Accept: application/json\r\n");
    if (body != null) {
      head.append("Content-Type: application/json\r\n");
    }
    if (body != null || !method.equals("GET")) {
      head.append("Content-Length: ").append(content.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + content.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(content, 0, all, headBytes.length, content.length);
    return all;
  }

  private void open() throws IOException {
    if (in != null) {
      reconnects++;
    }
    Socket fresh = new Socket();
    fresh.setTcpNoDelay(true);
    fresh.setSoTimeout(READ_TIMEOUT_MILLIS);
    fresh.connect(address, CONNECT_TIMEOUT_MILLIS);
    socket = fresh;
    in = new BufferedInputStream(fresh.getInputStream(), 16 * 1024);
    out = fresh.getOutputStream();
  }

  private static final class Head {
    int status;
    int contentLength;
    boolean chunked;
    boolean close;
  }

  private Head readHead() throws IOException {
    String statusLine = readLine();
    if (statusLine == null) {
      throw new EOFException("connection closed before an answer");
    }
    Head head = new Head();
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP answer: " + statusLine);
    }
    head.status = Integer.parseInt(parts[1]);
    head.close = parts[0].equals("HTTP/1.0");
    String line;
    while ((line = readLine()) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> head.contentLength = Integer.parseInt(value);
        case "transfer-encoding" ->
            head.chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> head.close = value.equalsIgnoreCase("close");
        default -> {
          // Other headers do not change how the answer is read.
        }
      }
    }
    if (line == null) {
      throw new IOException("connection closed in the middle of the headers");
    }
    return head;
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine();
      if (sizeLine == null) {
        throw new IOException("connection closed in the middle of a chunked body");
      }
      int semicolon = sizeLine.indexOf(';');
      int size =
          Integer.parseInt(
              (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        String trailer;
        while ((trailer = readLine()) != null && !trailer.isEmpty()) {
          // Trailers are not used by the launcher.
        }
        return content.toByteArray();
      }
      content.write(in.readNBytes(size));
      readLine();
    }
  }

  /** A CRLF-terminated line without its end, or {@code null} at the end of the stream. */
  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder(64);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
          line.setLength(length - 1);
        }
        return line.toString();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }

  /** Drops the current connection; the next request opens a new one. */
  public void disconnect() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a socket the server already closed; nothing to do.
      }
    }
    socket = null;
  }

  @Override
  public void close() {
    disconnect();
  }
}
