package io.sessionlauncher.rest.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** Builds {@code multipart/form-data} bodies byte by byte, well-formed or not, for upload tests. */
public final class Multipart {
  /** The boundary every body uses; long and unusual like a browser's. */
  public static final String BOUNDARY = "----LauncherTestBoundary7MA4YWxkTrZu0gW";

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** A file part, its name written in a quoted {@code filename="..."} parameter as browsers do. */
  public Multipart file(String field, String fileName, byte[] content) {
    return part(
        "Content-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + fileName.replace("\"", "%22")
            + "\"\r\nContent-Type: application/octet-stream",
        content);
  }

  /** A file part holding UTF-8 text. */
  public Multipart file(String field, String fileName, String text) {
    return file(field, fileName, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A plain form field. */
  public Multipart field(String name, String value) {
    return part(
        "Content-Disposition: form-data; name=\"" + name + "\"",
        value.getBytes(StandardCharsets.UTF_8));
  }

  /** A part with the given header lines (without the blank line that ends them). */
  public Multipart part(String headers, byte[] content) {
    write("--" + BOUNDARY + "\r\n" + headers + "\r\n\r\n");
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  /** The body with its closing boundary. */
  public byte[] bytes() {
    return concat(
        body.toByteArray(), ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The body as far as written, without a closing boundary: a cut-off upload. */
  public byte[] unterminated() {
    return body.toByteArray();
  }

  public static String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  /** {@code POST uri} with this body. */
  public HttpRequest post(URI uri) {
    return post(uri, contentType(), bytes());
  }

  public static HttpRequest post(URI uri, String contentType, byte[] body) {
    return HttpRequest.newBuilder(uri)
        .timeout(java.time.Duration.ofSeconds(60))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private void write(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
