package io.sessionlauncher.rest.http;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cross-origin headers and preflights for a list of allowed origins. */
class CorsFilterTest {
  private static final String ALLOWED = "https://app.example";
  private static final String OTHER = "https://evil.example";
  private static final String UNKNOWN_SESSION = "/paraview/3b241101-e2bb-4255-8caf-4136c566a962";

  @RegisterExtension
  static final InProcessLauncher listed =
      InProcessLauncher.withPorts(
          1,
          json -> {
            Path content = Files.createDirectories(json.folder().resolve("site"));
            Files.writeString(content.resolve("index.html"), "home");
            return json.app("demo", DemoApp.app())
                .content(content)
                .corsOrigins(ALLOWED, "http://localhost:8080");
          });

  private final Http http = new Http();

  @Test
  void anAllowedOriginGetsItsOriginBackOnEveryAnswer() {
    Answer file = get(listed.uri("/index.html"), ALLOWED);
    assertEquals(200, file.status());
    assertEquals(ALLOWED, file.header("Access-Control-Allow-Origin"));
    assertTrue(file.raw().headers().allValues("Vary").contains("Origin"));
    assertEquals("Retry-After", file.header("Access-Control-Expose-Headers"));

    Answer error = get(listed.uri(UNKNOWN_SESSION), ALLOWED);
    assertJsonError(error, 404, "No session");
    assertEquals(ALLOWED, error.header("Access-Control-Allow-Origin"));

    Answer badLaunch =
        http.send(
            HttpRequest.newBuilder(listed.uri("/paraview/"))
                .header("Origin", ALLOWED)
                .POST(HttpRequest.BodyPublishers.ofString("not json"))
                .build());
    assertJsonError(badLaunch, 400, "not valid JSON");
    assertEquals(ALLOWED, badLaunch.header("Access-Control-Allow-Origin"));
  }

  @Test
  void anotherOriginGetsNoCorsHeaderButTheAnswerStillVariesByOrigin() {
    Answer answer = get(listed.uri("/index.html"), OTHER);
    assertEquals(200, answer.status());
    assertNull(answer.header("Access-Control-Allow-Origin"));
    assertNull(answer.header("Access-Control-Expose-Headers"));
    assertTrue(answer.raw().headers().allValues("Vary").contains("Origin"));
  }

  @Test
  void aRequestWithoutOriginGetsNoCorsHeader() {
    Answer answer = http.get(listed.uri("/index.html"));
    assertEquals(200, answer.status());
    assertNull(answer.header("Access-Control-Allow-Origin"));
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnsweredWithMethodsHeadersAndMaxAge() {
    Answer answer =
        http.send(preflight(listed.uri("/paraview/"), ALLOWED, "content-type, x-requested-with"));
    assertEquals(204, answer.status(), answer.body());
    assertEquals(ALLOWED, answer.header("Access-Control-Allow-Origin"));
    assertEquals("GET, POST, DELETE, OPTIONS", answer.header("Access-Control-Allow-Methods"));
    assertEquals("content-type, x-requested-with", answer.header("Access-Control-Allow-Headers"));
    assertEquals("600", answer.header("Access-Control-Max-Age"));
    assertTrue(answer.raw().headers().allValues("Vary").contains("Origin"));
  }

  @Test
  void aPreflightWithoutOrOddRequestedHeadersAllowsContentType() {
    Answer none = http.send(preflight(listed.uri("/upload"), ALLOWED, null));
    assertEquals(204, none.status(), none.body());
    assertEquals("Content-Type", none.header("Access-Control-Allow-Headers"));
    Answer odd = http.send(preflight(listed.uri("/upload"), ALLOWED, "bad header(name)"));
    assertEquals(204, odd.status(), odd.body());
    assertEquals("Content-Type", odd.header("Access-Control-Allow-Headers"));
  }

  @Test
  void aPreflightFromAnotherOriginIs403WithoutCorsHeaders() {
    Answer answer = http.send(preflight(listed.uri("/paraview/"), OTHER, "content-type"));
    assertJsonError(answer, 403, "Cross-origin requests from " + OTHER + " are not allowed");
    assertNull(answer.header("Access-Control-Allow-Origin"));
    assertNull(answer.header("Access-Control-Allow-Methods"));
    assertNull(answer.header("Access-Control-Allow-Headers"));
  }

  static Answer get(Http http, URI uri, String origin) {
    return http.send(HttpRequest.newBuilder(uri).header("Origin", origin).GET().build());
  }

  private Answer get(URI uri, String origin) {
    return get(http, uri, origin);
  }

  static HttpRequest preflight(URI uri, String origin, String requestedHeaders) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    if (requestedHeaders != null) {
      builder.header("Access-Control-Request-Headers", requestedHeaders);
    }
    return builder.build();
  }
}
