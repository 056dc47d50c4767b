package io.sessionlauncher.ear;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Multipart;
import io.sessionlauncher.testing.RawHttp;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private final Http http = new Http(LibertyServer.base());

  @Test
  void rootRedirectsToIndexAndFilesComeWithTheirType() throws Exception {
    Http.Answer root = send(request("").GET());
    assertEquals(302, root.status());
    assertEquals(
        "/index.html",
        LibertyServer.base().resolve(root.headers().firstValue("Location").get()).getPath());

    Http.Answer index = send(request("index.html").GET());
    assertEquals(200, index.status());
    assertEquals("text/html;charset=utf-8", type(index));
    assertTrue(index.body().contains("Session Launcher"));

    Http.Answer script = send(request("js/app.js").GET());
    assertEquals(200, script.status(), "a file in a sub-folder is not taken for a session");
    assertEquals("text/javascript;charset=utf-8", type(script));

    Http.Answer head =
        send(request("js/app.js").method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, head.status());
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
        RawHttp.Answer answer = RawHttp.get(LibertyServer.base(), target);
        // Liberty itself refuses most of these (HTML 400); the launcher answers the rest (JSON
        // 404).
        assertTrue(
            answer.status() >= 400 && answer.status() < 500,
            target + " answered " + answer.status());
        assertFalse(
            (answer.headers() + answer.body()).contains("demo_jar"),
            target + " leaked launcher.json");
      }
    } finally {
      Files.deleteIfExists(link);
    }
  }

  @Test
  void uploadStoresBaseNamesInsideUploadDir() throws Exception {
    String name = "it-" + UUID.randomUUID() + ".txt";
    Http.Answer stored =
        http.send(
            new Multipart().file("f", "../../" + name, "from the IT").post(http.uri("upload")));
    assertEquals(200, stored.status(), stored.body());
    assertEquals(name, stored.json().getJsonArray("files").getJsonObject(0).getString("name"));
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
    Http.Answer refused =
        http.send(new Multipart().file("f", name, new byte[MAX_UPLOAD]).post(http.uri("upload")));
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
    Http.Answer allowed = send(request("index.html").header("Origin", ORIGIN).GET());
    assertEquals(ORIGIN, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertTrue(allowed.headers().allValues("Vary").contains("Origin"));

    Http.Answer other = send(request("index.html").header("Origin", "https://evil.example").GET());
    assertNull(other.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

    Http.Answer preflight = send(preflight(ORIGIN));
    assertEquals(204, preflight.status(), preflight.body());
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
    return http.request(path);
  }

  private Http.Answer send(HttpRequest.Builder request) {
    return http.send(request.build());
  }

  private HttpRequest.Builder preflight(String origin) {
    return request("paraview/")
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
  }

  private static String type(Http.Answer response) {
    return String.valueOf(response.contentType()).replace(" ", "");
  }
}
