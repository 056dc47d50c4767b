package io.sessionlauncher.arquillian;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Multipart;
import io.sessionlauncher.testing.RawHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Static content, uploads and CORS on the server the Maven profile picks (RESTEasy on Open Liberty,
 * Jersey on Payara Micro): the same answers as the in-process tests, and nothing outside the
 * content folder reachable.
 */
@ExtendWith(ArquillianExtension.class)
class ContentIT {
  /** The text of launcher.json that must never be served: the demo app's jar. */
  private static final String CONFIGURATION_MARK = "demo-session.jar";

  private final Http http = new Http(Deployments.root());

  @Deployment(testable = false)
  static Archive<?> deployment() {
    return Deployments.launcher();
  }

  @Test
  void rootRedirectsToIndexAndFilesComeWithTheirType() throws Exception {
    Http.Answer root = send(request("").GET());
    assertEquals(302, root.status());
    assertEquals(
        Deployments.root().resolve("index.html"),
        Deployments.root().resolve(root.headers().firstValue("Location").orElseThrow()));

    Http.Answer index = send(request("index.html").GET());
    assertEquals(200, index.status());
    assertEquals("text/html;charset=utf-8", type(index));
    assertEquals(Deployments.INDEX_HTML, index.body());

    Http.Answer script = send(request("js/app.js").GET());
    assertEquals(200, script.status(), "a file in a sub-folder is not taken for a session");
    assertEquals("text/javascript;charset=utf-8", type(script));
    assertEquals(Deployments.APP_JS, script.body());

    Http.Answer head =
        send(request("js/app.js").method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, head.status());
    assertEquals(
        Files.size(Deployments.content().resolve("js/app.js")),
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
    // launcher.json sits next to the content folder: the closest secret there is.
    Path launcherJson = Deployments.configuration().folder().resolve("launcher.json");
    Path link = Deployments.content().resolve("link-out.json");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, launcherJson);
    String context = Deployments.root().getPath(); // "/" or "/<war name>/"
    try {
      for (String target :
          new String[] {
            "../launcher.json",
            "js/../../launcher.json",
            "..%2flauncher.json",
            "%2e%2e/launcher.json",
            "%2e%2e%2flauncher.json",
            ".%2e/launcher.json",
            "..%5clauncher.json",
            "..\\launcher.json",
            "%252e%252e%252flauncher.json",
            "%c0%ae%c0%ae/launcher.json",
            "/" + launcherJson,
            "link-out.json",
          }) {
        URI server = Deployments.root().resolve("/");
        RawHttp.Answer answer = RawHttp.get(server, context + target);
        // The server itself refuses some of these (its own 400); the launcher answers the rest
        // (JSON 404).
        assertTrue(
            answer.status() >= 400 && answer.status() < 500,
            Deployments.server() + ": " + context + target + " answered " + answer.status());
        assertFalse(
            (answer.headers() + answer.body()).contains(CONFIGURATION_MARK),
            context + target + " leaked launcher.json");
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
    Path file = Deployments.uploads().resolve(name);
    try {
      assertEquals("from the IT", Files.readString(file));
      assertFalse(Files.exists(Deployments.uploads().getParent().resolve(name)));
      assertFalse(Files.exists(Deployments.uploads().getParent().getParent().resolve(name)));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void aTooLargeUploadIs413AndStoresNothing() throws Exception {
    String name = "big-" + UUID.randomUUID() + ".bin";
    Http.Answer refused =
        http.send(
            new Multipart()
                .file("f", name, new byte[Deployments.MAX_UPLOAD])
                .post(http.uri("upload")));
    assertJsonError(refused, 413, "larger than " + Deployments.MAX_UPLOAD + " bytes");
    try (var files = Files.list(Deployments.uploads())) {
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
    String origin = Deployments.ALLOWED_ORIGIN;
    Http.Answer allowed = send(request("index.html").header("Origin", origin).GET());
    assertEquals(origin, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertTrue(allowed.headers().allValues("Vary").contains("Origin"));

    Http.Answer other = send(request("index.html").header("Origin", "https://evil.example").GET());
    assertNull(other.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

    Http.Answer preflight = send(preflight(origin));
    assertEquals(204, preflight.status(), preflight.body());
    assertEquals(
        origin, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
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
