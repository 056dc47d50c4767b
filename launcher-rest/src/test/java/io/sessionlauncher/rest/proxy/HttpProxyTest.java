package io.sessionlauncher.rest.proxy;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import io.sessionlauncher.testing.Waits;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Plain HTTP through the launcher's proxy, over real HTTP to real session servers: a session
 * serving a page and its assets (the built-in {@code http-server} product) and the demo session (a
 * process of its own), in both URL forms; refusals as JSON; activity seen by GET of the session.
 */
class HttpProxyTest {
  private static final byte[] IMAGE = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};

  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(
          4,
          json -> {
            Path site = Files.createDirectories(json.folder().resolve("site/js"));
            Files.writeString(
                site.getParent().resolve("index.html"),
                "<html><script src=\"js/app.js\"></script><img src=\"logo.png\"></html>");
            Files.writeString(site.resolve("app.js"), "console.log('proxied');");
            Files.write(site.getParent().resolve("logo.png"), IMAGE);
            return json.app(
                    "site",
                    Map.of(
                        "product",
                        "http-server",
                        "mode",
                        "local",
                        "config",
                        Map.of("directory", site.getParent().toString())))
                .app("demo", DemoApp.app());
          });

  private final Http http = new Http();

  @AfterEach
  void endSessions() {
    launcher.stopAllSessions();
  }

  private String start(String application) {
    Answer created =
        http.post(launcher.uri("/paraview/"), "{\"application\": \"" + application + "\"}");
    assertEquals(200, created.status(), created.body());
    return created.json().getString("id");
  }

  @Test
  void aSessionsPageAndItsAssetsComeThroughBothForms() {
    String id = start("site");

    Answer page = http.get(launcher.uri("/session/" + id + "/index.html"));
    assertEquals(200, page.status(), page.body());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    assertTrue(page.body().contains("js/app.js"), page.body());

    Answer script = http.get(launcher.uri("/session/" + id + "/js/app.js"));
    assertEquals(200, script.status());
    assertEquals("console.log('proxied');", script.body());

    HttpResponse<byte[]> image =
        http.send(
            Http.request(launcher.uri("/proxy?sessionId=" + id + "&path=logo.png")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, image.statusCode());
    assertArrayEquals(IMAGE, image.body());

    Answer viaQuery = http.get(launcher.uri("/proxy?sessionId=" + id + "&path=/js/app.js"));
    assertEquals("console.log('proxied');", viaQuery.body());
  }

  @Test
  void theSessionsOwnAnswersPassUnchangedWhateverTheMethod() {
    String id = start("demo");

    Answer greeting = http.get(launcher.uri("/session/" + id + "/anything?x=1"));
    assertEquals(200, greeting.status());
    assertTrue(greeting.body().startsWith("demo session on port"), greeting.body());

    Answer post =
        http.send(
            Http.request(launcher.uri("/session/" + id + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("data"))
                .build());
    assertEquals(405, post.status(), "the demo session's own refusal of POST");
    assertEquals("GET, HEAD", post.header("Allow"));

    Answer missing = http.get(launcher.uri("/session/" + start("site") + "/no-such-file.html"));
    assertEquals(404, missing.status());
    assertFalse(missing.contentType().startsWith("application/json"), "the session's own 404");
  }

  @Test
  void unknownMalformedAndEndedIdsAreTheJson404OfAnUnknownSession() {
    assertJsonError(
        http.get(launcher.uri("/session/" + UUID.randomUUID() + "/index.html")),
        404,
        "No session with id");
    assertJsonError(http.get(launcher.uri("/session/not-an-id/index.html")), 404, "not-an-id");
    assertJsonError(
        http.get(launcher.uri("/proxy?sessionId=%27%3Cx%3E&path=ws")), 404, "No session with id");

    String id = start("site");
    assertEquals(200, http.delete(launcher.uri("/paraview/" + id)).status());
    assertJsonError(http.get(launcher.uri("/session/" + id + "/index.html")), 404, id);
  }

  @Test
  void aMissingSessionIdIsA400NamingIt() {
    assertJsonError(http.get(launcher.uri("/proxy?path=ws")), 400, "sessionId");
    assertJsonError(http.get(launcher.uri("/proxy")), 400, "sessionId");
    assertJsonError(http.get(launcher.uri("/session/")), 400, "session id is missing");
  }

  @Test
  void proxiedTrafficIsTheSessionsLastActivityShownByGet() {
    String id = start("site");
    JsonObject before = http.get(launcher.uri("/paraview/" + id)).json();
    assertEquals(0, before.getInt("proxiedConnections"));
    Instant first = Instant.parse(before.getString("lastActivity"));

    Waits.until(
        "the clock moved past " + first, Duration.ofSeconds(1), () -> Instant.now().isAfter(first));
    assertEquals(200, http.get(launcher.uri("/session/" + id + "/index.html")).status());

    Instant after =
        Instant.parse(http.get(launcher.uri("/paraview/" + id)).json().getString("lastActivity"));
    assertTrue(after.isAfter(first), first + " then " + after);
    assertNotEquals(first, after);
  }
}
