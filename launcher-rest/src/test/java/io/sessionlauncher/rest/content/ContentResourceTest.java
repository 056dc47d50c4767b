package io.sessionlauncher.rest.content;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import io.sessionlauncher.testing.LauncherJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code content} folder served at {@code /}, next to the session endpoint. */
class ContentResourceTest {
  private static final String SESSION_ID = "3b241101-e2bb-4255-8caf-4136c566a962";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 1};
  private static final byte[] WASM = {0, 'a', 's', 'm', 1, 0, 0, 0};

  private static Path content;

  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(1, ContentResourceTest::configure);

  private final Http http = new Http();

  private static LauncherJson configure(LauncherJson json) throws IOException {
    content = Files.createDirectories(json.folder().resolve("site"));
    write("index.html", "<html>home</html>");
    write("js/app.js", "console.log('app');");
    write("css/style.css", "body { color: red; }");
    write("data.json", "{\"a\": 1}");
    write("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    write("README", "plain words");
    write("archive.xyz", "who knows");
    write("docs/index.html", "<html>docs</html>");
    write("with space/a b.txt", "spaced");
    write("paraview/" + SESSION_ID, "a file shadowed by the session endpoint");
    Files.write(content.resolve("image.png"), PNG);
    Files.write(content.resolve("module.wasm"), WASM);
    Files.createDirectories(content.resolve("empty"));
    Files.createSymbolicLink(content.resolve("alias.html"), content.resolve("index.html"));
    return json.app("demo", DemoApp.app()).content(content);
  }

  private static void write(String name, String text) throws IOException {
    Path file = content.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void rootRedirectsToTheIndexPage() {
    Answer root = http.get(launcher.uri("/"));
    assertEquals(302, root.status(), root.body());
    assertEquals("/index.html", launcher.base().resolve(root.header("Location")).getPath());
  }

  @ParameterizedTest
  @CsvSource({
    "/index.html, text/html;charset=utf-8",
    "/js/app.js, text/javascript;charset=utf-8",
    "/css/style.css, text/css;charset=utf-8",
    "/data.json, application/json;charset=utf-8",
    "/logo.svg, image/svg+xml",
    "/image.png, image/png",
    "/module.wasm, application/wasm",
    "/README, application/octet-stream",
    "/archive.xyz, application/octet-stream",
    "/with%20space/a%20b.txt, text/plain;charset=utf-8",
  })
  void servesFilesWithTheTypeOfTheirExtension(String path, String type) throws Exception {
    HttpResponse<byte[]> answer = getBytes(path);
    assertEquals(200, answer.statusCode());
    assertEquals(type, typeOf(answer));
    byte[] expected = Files.readAllBytes(content.resolve(decoded(path)));
    assertArrayEquals(expected, answer.body());
    assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null));
  }

  @Test
  void headGivesTheHeadersOfGetWithoutTheBody() throws Exception {
    HttpResponse<byte[]> head =
        http.send(
            HttpRequest.newBuilder(launcher.uri("/js/app.js"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, head.statusCode());
    assertEquals("text/javascript;charset=utf-8", typeOf(head));
    assertEquals(
        Files.size(content.resolve("js/app.js")),
        head.headers().firstValueAsLong("Content-Length").orElse(-1));
    assertEquals(0, head.body().length);
  }

  @Test
  void aSymbolicLinkInsideTheFolderIsServedWithTheTypeOfItsOwnName() throws Exception {
    HttpResponse<byte[]> answer = getBytes("/alias.html");
    assertEquals(200, answer.statusCode());
    assertEquals("<html>home</html>", new String(answer.body(), StandardCharsets.UTF_8));
  }

  @Test
  void aFolderRedirectsToItsIndexPageAndIsNeverListed() {
    for (String path : new String[] {"/docs", "/docs/"}) {
      Answer answer = http.get(launcher.uri(path));
      assertEquals(302, answer.status(), path);
      assertEquals(
          "/docs/index.html", launcher.base().resolve(answer.header("Location")).getPath(), path);
    }
    assertJsonError(http.get(launcher.uri("/empty/")), 404, "No resource at /empty/");
    assertJsonError(http.get(launcher.uri("/js/")), 404, "No resource at /js/");
    assertJsonError(http.get(launcher.uri("/js")), 404, "No resource at /js");
  }

  @Test
  void missingFilesAreJson404s() {
    assertJsonError(http.get(launcher.uri("/nope.html")), 404, "No resource at /nope.html");
    assertJsonError(http.get(launcher.uri("/js/nope.js")), 404, "No resource at /js/nope.js");
    assertJsonError(http.get(launcher.uri("/a/b/c/d.css")), 404, "No resource at /a/b/c/d.css");
    assertJsonError(http.get(launcher.uri("/index.html/")), 404, "No resource at /index.html/");
  }

  @Test
  void theSessionEndpointWinsOverAContentFolderOfTheSameName() {
    assertJsonError(http.get(launcher.uri("/paraview/" + SESSION_ID)), 404, "No session");
  }

  @Test
  void aQueryStringDoesNotChangeTheFile() {
    Answer answer = http.get(launcher.uri("/index.html?v=3&x=%7By%7D"));
    assertEquals(200, answer.status(), answer.body());
    assertEquals("<html>home</html>", answer.body());
  }

  @Test
  void anUnchangedFileIs304ForItsLastModified() {
    Answer first = http.get(launcher.uri("/index.html"));
    String lastModified = first.header("Last-Modified");
    Answer again =
        http.send(
            HttpRequest.newBuilder(launcher.uri("/index.html"))
                .header("If-Modified-Since", lastModified)
                .GET()
                .build());
    assertEquals(304, again.status());
    assertEquals("", again.body());
  }

  @Test
  void theInternalRoutesCannotBeCalledDirectly() {
    assertJsonError(
        http.send(
            HttpRequest.newBuilder(launcher.uri("/@upload"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build()),
        404,
        "No resource at /@upload");
    assertJsonError(
        http.send(HttpRequest.newBuilder(launcher.uri("/@content/index.html")).DELETE().build()),
        404,
        "No resource at /@content/index.html");
    // A GET is a content path like any other: there is no "@content" folder in the content.
    assertJsonError(
        http.get(launcher.uri("/@content/index.html")), 404, "No resource at /@content/index.html");
  }

  @Test
  void otherMethodsOnContentPathsAreJsonErrors() {
    Answer post = http.post(launcher.uri("/index.html"), "{}");
    assertTrue(post.status() == 404 || post.status() == 405, post.body());
    assertJsonError(post, post.status(), "");
  }

  private HttpResponse<byte[]> getBytes(String path) {
    return http.send(
        HttpRequest.newBuilder(launcher.uri(path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The Content-Type without spaces: runtimes differ in writing "a/b; charset=x". */
  private static String typeOf(HttpResponse<?> answer) {
    return answer.headers().firstValue("Content-Type").map(t -> t.replace(" ", "")).orElse(null);
  }

  private static String decoded(String path) {
    return URI.create(path).getPath().substring(1);
  }
}
