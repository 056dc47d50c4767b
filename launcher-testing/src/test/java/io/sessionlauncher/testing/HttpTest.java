package io.sessionlauncher.testing;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP helpers against the JDK's own server on a loopback port. */
class HttpTest {
  private HttpServer server;
  private URI base;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] request = exchange.getRequestBody().readAllBytes();
          String path = exchange.getRequestURI().getRawPath();
          String body =
              path.equals("/missing")
                  ? "{\"error\": \"No resource at /missing\"}"
                  : "{\"method\": \""
                      + exchange.getRequestMethod()
                      + "\", \"path\": \""
                      + path
                      + "\", \"body\": \""
                      + new String(request, StandardCharsets.UTF_8).replace("\"", "'")
                      + "\"}";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
          exchange.getResponseHeaders().add("X-Seen", "one");
          exchange.getResponseHeaders().add("X-Seen", "two");
          exchange.sendResponseHeaders(path.equals("/missing") ? 404 : 200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void sendsToPathsUnderTheBaseAndReadsJson() {
    Http http = new Http(base);
    Http.Answer posted = http.post("/paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, posted.status());
    assertEquals("POST", posted.json().getString("method"));
    assertEquals("/paraview/", posted.json().getString("path"));
    assertEquals("{'application': 'demo'}", posted.json().getString("body"));
    assertEquals("DELETE", http.delete("paraview/x").json().getString("method"));
    assertEquals("one", http.get(base.resolve("a")).header("X-Seen"));
    assertEquals(2, http.get("a").headers("X-Seen").size());
    assertJsonError(http.get("missing"), 404, "No resource at /missing");
  }

  @Test
  void rawHttpSendsTheTargetAsItIs() {
    RawHttp.Answer answer = RawHttp.get(base, "/a/../b%2f");
    assertEquals(200, answer.status());
    assertEquals("application/json; charset=utf-8", answer.header("content-type"));
    assertEquals("/a/../b%2f", pathOf(answer.body()));
  }

  @Test
  void aServerThatIsNotThereIsAnUncheckedIoException() {
    server.stop(0);
    assertThrows(UncheckedIOException.class, () -> new Http(base).get("a"));
  }

  private static String pathOf(String body) {
    int start = body.indexOf("\"path\": \"") + 9;
    return body.substring(start, body.indexOf('"', start));
  }
}
