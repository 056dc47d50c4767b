package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Static content, uploads and CORS of the default configuration on Liberty's RESTEasy: the same
 * answers as the in-process Jersey tests, and nothing outside the content folder reachable.
 */
class ContentIT {
  /** The origin the default configuration allows. */
  private static final String ORIGIN = "http://localhost:8080";

  /** The default configuration's max_upload_size. */
  private static final int MAX_UPLOAD = 10 * 1024 * 1024;

  private static final String BOUNDARY = "----ContentITBoundary" + UUID.randomUUID();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void rootRedirectsToIndexAndFilesComeWithTheirType() throws Exception {
    HttpResponse<String> root = send(request("").GET());
    assertEquals(302, root.statusCode());
    assertEquals(
        "/index.html",
        LibertyServer.base().resolve(root.headers().firstValue("Location").get()).getPath());

    HttpResponse<String> index = send(request("index.html").GET());
    assertEquals(200, index.statusCode());
    assertEquals("text/html;charset=utf-8", type(index));
    assertTrue(index.body().contains("Session Launcher"));

    HttpResponse<String> script = send(request("js/app.js").GET());
    assertEquals(200, script.statusCode(), "a file in a sub-folder is not taken for a session");
    assertEquals("text/javascript;charset=utf-8", type(script));

    HttpResponse<String> head =
        send(request("js/app.js").method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, head.statusCode());
    assertEquals(
        Files.size(LibertyServer.serverDir().resolve("www/js/app.js")),
        head.headers().firstValueAsLong("Content-Length").orElse(-1));
    assertEquals("", head.body());
  }

  @Test
  void missingFilesFoldersAndSessionsAreJson404s() throws Exception {
    assertJsonError(send(request("nope.html").GET()), 404, "No resource at /nope.html");
    assertJsonError(send(request("js/").GET()), 404, "No resource at /js/");
    assertJsonError(send(request("index.html/").GET()), 404, "No resource at /index.html/");
    assertJsonError(
        send(request("paraview/3b241101-e2bb-4255-8caf-4136c566a962").GET()),
        404,
        "No session with id");
  }

  @Test
  void nothingOutsideTheContentFolderIsServed() throws Exception {
    // launcher.json sits next to www/: the closest secret there is.
    Path link = LibertyServer.serverDir().resolve("www/link-out.json");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, LibertyServer.serverDir().resolve("launcher.json"));
    try {
      for (String target :
          new String[] {
            "/../launcher.json",
            "/js/../../launcher.json",
            "/..%2flauncher.json",
            "/%2e%2e/launcher.json",
            "/%2e%2e%2flauncher.json",
            "/.%2e/launcher.json",
            "/..%5clauncher.json",
            "/..\\launcher.json",
            "/%252e%252e%252flauncher.json",
            "/%c0%ae%c0%ae/launcher.json",
            "//" + LibertyServer.serverDir().resolve("launcher.json"),
            "/link-out.json",
          }) {
        String[] answer = rawGet(target);
        int status = Integer.parseInt(answer[0]);
        // Liberty itself refuses most of these (HTML 400); the launcher answers the rest (JSON
        // 404).
        assertTrue(status >= 400 && status < 500, target + " answered " + status);
        assertFalse(answer[1].contains("demo_jar"), target + " leaked launcher.json");
      }
    } finally {
      Files.deleteIfExists(link);
    }
  }

  @Test
  void uploadStoresBaseNamesInsideUploadDir() throws Exception {
    String name = "it-" + UUID.randomUUID() + ".txt";
    HttpResponse<String> stored =
        send(upload(part("f", "../../" + name, "from the IT".getBytes(StandardCharsets.UTF_8))));
    assertEquals(200, stored.statusCode(), stored.body());
    assertEquals(
        name, Client.json(stored).getJsonArray("files").getJsonObject(0).getString("name"));
    Path file = LibertyServer.serverDir().resolve("uploads").resolve(name);
    try {
      assertEquals("from the IT", Files.readString(file));
      assertFalse(Files.exists(LibertyServer.serverDir().getParent().resolve(name)));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void aTooLargeUploadIs413AndStoresNothing() throws Exception {
    String name = "big-" + UUID.randomUUID() + ".bin";
    HttpResponse<String> refused = send(upload(part("f", name, new byte[MAX_UPLOAD])));
    assertJsonError(refused, 413, "larger than " + MAX_UPLOAD + " bytes");
    try (var files = Files.list(LibertyServer.serverDir().resolve("uploads"))) {
      assertTrue(
          files.noneMatch(
              f ->
                  f.getFileName().toString().equals(name)
                      || f.getFileName().toString().startsWith(".upload-")),
          "neither the file nor a temporary file is left");
    }
  }

  @Test
  void corsForTheConfiguredOriginOnly() throws Exception {
    HttpResponse<String> allowed = send(request("index.html").header("Origin", ORIGIN).GET());
    assertEquals(ORIGIN, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertTrue(allowed.headers().allValues("Vary").contains("Origin"));

    HttpResponse<String> other =
        send(request("index.html").header("Origin", "https://evil.example").GET());
    assertNull(other.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

    HttpResponse<String> preflight = send(preflight(ORIGIN));
    assertEquals(204, preflight.statusCode(), preflight.body());
    assertEquals(
        ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertEquals(
        "GET, POST, DELETE, OPTIONS",
        preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
    assertEquals(
        "content-type",
        preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(null));

    assertJsonError(send(preflight("https://evil.example")), 403, "are not allowed");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(LibertyServer.base().resolve(path))
        .timeout(Duration.ofSeconds(60));
  }

  private HttpRequest.Builder preflight(String origin) {
    return request("paraview/")
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
  }

  private HttpRequest.Builder upload(byte[] part) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(part);
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return request("upload")
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  private static byte[] part(String field, String fileName, byte[] content) {
    ByteArrayOutputStream part = new ByteArrayOutputStream();
    part.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\""
                + field
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    part.writeBytes(content);
    part.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    return part.toByteArray();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String type(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("").replace(" ", "");
  }

  private static void assertJsonError(HttpResponse<String> response, int status, String part) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/json;charset=utf-8", type(response).toLowerCase(Locale.ROOT));
    String error = Client.json(response).getString("error");
    assertTrue(error.contains(part), "error '" + error + "' should contain '" + part + "'");
  }

  /** Sends the request line as given (java.net.http would refuse or rewrite some targets). */
  private static String[] rawGet(String target) throws IOException {
    URI base = LibertyServer.base();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + target
                  + " HTTP/1.1\r\nHost: "
                  + base.getAuthority()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return new String[] {answer.substring(9, 12), answer};
    }
  }
}
