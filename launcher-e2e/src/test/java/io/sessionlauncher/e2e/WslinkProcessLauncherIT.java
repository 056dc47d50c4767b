package io.sessionlauncher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The npm {@code wslink} package's {@code ProcessLauncher} (the part of {@code SmartConnect} that
 * talks to a launcher), in headless Chromium, against the launcher in Open Liberty (the EAR) or,
 * with the build's {@code payara-micro} profile, in Payara Micro (the self-contained WAR). The
 * page, from {@code src/test/liberty/browser/content}, is served by the launcher's own {@code
 * content} folder or, for the cross-origin tests, by a second web server; it records what it sees
 * in {@code window.e2e}.
 */
class WslinkProcessLauncherIT {
  private static final int POOL_FIRST = Integer.getInteger("e2e.browser.pool.first", 33000);
  private static final int POOL_LAST = Integer.getInteger("e2e.browser.pool.last", 33049);

  /** The page's default endPoint, relative to the page: SmartConnect's form. */
  private static final String DEFAULT_END_POINT = "paraview/";

  /** What Chromium reports for the TypeError thrown by wslink 2.5.0's stop() callback. */
  private static final String WSLINK_STOP_BUG = "Cannot read properties of undefined";

  private final Http launcher =
      new Http(
          URI.create(
              "http://127.0.0.1:" + Integer.getInteger("e2e.browser.http.port", 9380) + "/"));
  private final Path serverDir = Path.of(SystemTools.required("e2e.browser.server.dir"));
  private final Path content = serverDir.resolve("content");

  /** Chromium's profile (removed when it closes) and chromedriver's log (kept), per test. */
  private Path work;

  @BeforeEach
  void browserAndClient(TestInfo test) throws IOException {
    work = WslinkPage.prepare(content, test);
  }

  /**
   * The whole life of a session as the client sees it, for both ways of naming the launcher: with a
   * trailing slash, as {@code SmartConnect}'s default {@code sessionManagerURL} ({@code
   * <baseURI>paraview/}) has it, and without, as wslink's ProcessLauncher documentation writes
   * {@code endPoint: "/paraview"}. wslink builds the stop URL as {@code [endPoint, id].join("/")},
   * so the first form sends {@code DELETE /paraview//<id>}.
   */
  @ParameterizedTest(name = "endPoint {0}")
  @ValueSource(strings = {"paraview/", "paraview"})
  void clientStartsASessionGetsReadyTalksToItAndStopsIt(String endPointPath) throws Exception {
    String endPoint = launcher.base().resolve(endPointPath).toString();
    String sessionId = null;
    try (HeadlessChromium chromium = HeadlessChromium.start(work)) {
      String index = launcher.base().resolve("index.html").toString();
      if (endPointPath.equals(DEFAULT_END_POINT)) {
        // The page's own default: "paraview/" next to it. Reached as a user would, through
        // GET / and its redirect to index.html (as the reference launcher answers).
        chromium.driver().get(launcher.base().toString());
        assertEquals(index, chromium.driver().getCurrentUrl(), "GET / leads to index.html");
      } else {
        chromium.driver().get(index + "?endPoint=" + encode(endPoint));
      }
      JsonObject page = WslinkPage.await(chromium);
      sessionId = WslinkPage.sessionId(page);
      assertWholeLife(page, endPoint);
    } finally {
      stopIfRunning(sessionId);
    }
  }

  /**
   * The same page on another origin, one that {@code cors_origins} lists: the launcher's answers
   * carry the CORS headers Chromium needs, for the simple POST and for the DELETE after its
   * preflight.
   */
  @Test
  void clientOnAnAllowedOriginWorksThroughCors() throws Exception {
    String endPoint = launcher.base().resolve("paraview").toString();
    String sessionId = null;
    try (StaticPages pages =
            StaticPages.start(content, Integer.getInteger("e2e.browser.cors.port", 9383));
        HeadlessChromium chromium = HeadlessChromium.start(work)) {
      chromium.driver().get(pages.resolve("index.html?endPoint=" + encode(endPoint)).toString());
      JsonObject page = WslinkPage.await(chromium);
      sessionId = WslinkPage.sessionId(page);
      assertWholeLife(page, endPoint);
    } finally {
      stopIfRunning(sessionId);
    }
  }

  /**
   * A page on an origin that {@code cors_origins} does not list: Chromium keeps the launcher's
   * answer from it, so the client reports an error and never sees a session.
   */
  @Test
  void clientOnAnOriginNotAllowedGetsNoSession() throws Exception {
    String endPoint = launcher.base().resolve("paraview").toString();
    Set<String> before = ProxyFile.liveSessionIds(serverDir);
    try (StaticPages pages = StaticPages.start(content, 0);
        HeadlessChromium chromium = HeadlessChromium.start(work)) {
      chromium.driver().get(pages.resolve("index.html?endPoint=" + encode(endPoint)).toString());
      JsonObject page = WslinkPage.await(chromium);

      assertEquals("start-failed", page.getString("outcome", null), "page: " + page);
      assertEquals(JsonValue.NULL, page.get("connection"), "page: " + page);
      JsonObject error = page.getJsonArray("launcherErrors").getJsonObject(0);
      assertEquals(0, error.getInt("status"), "the browser hid the answer: " + error);

      // A text/plain POST needs no preflight, so the request itself reached the launcher.
      Set<String> launched = new HashSet<>(ProxyFile.liveSessionIds(serverDir));
      launched.removeAll(before);
      assertTrue(
          launched.isEmpty(),
          "the launcher started a session for a request from "
              + pages.origin()
              + ", an origin cors_origins does not allow: "
              + launched);
    } finally {
      Set<String> launched = new HashSet<>(ProxyFile.liveSessionIds(serverDir));
      launched.removeAll(before);
      for (String id : launched) {
        stopIfRunning(id);
      }
    }
  }

  /** The client's error event carries the launcher's JSON error, as SmartConnect reports it. */
  @Test
  void clientGetsTheLaunchersErrorForAnUnknownApplication() throws Exception {
    try (HeadlessChromium chromium = HeadlessChromium.start(work)) {
      chromium
          .driver()
          .get(launcher.base().resolve("index.html?application=no-such-app").toString());
      JsonObject page = WslinkPage.await(chromium);

      // SmartConnect hands data.response.error to its user: it must be the launcher's message.
      assertEquals("start-failed", page.getString("outcome", null), "page: " + page);
      JsonObject error = page.getJsonArray("launcherErrors").getJsonObject(0);
      assertEquals(400, error.getInt("status"), "error event: " + error);
      assertEquals(
          "Unknown application: no-such-app",
          error.getJsonObject("response").getString("error"),
          "error event: " + error);
      assertEquals(JsonValue.NULL, page.get("connection"));
    }
  }

  /**
   * Start, ready event, echo over the session's WebSocket, stop, as the page recorded them; then
   * the launcher's and the operating system's view of the session.
   */
  private void assertWholeLife(JsonObject page, String endPoint) throws Exception {
    // What the client sent and got for start(): POST to its endPoint, 200, the session; the
    // ProcessReady event carries the session: id, sessionURL on the session's port.
    JsonObject connection = WslinkPage.assertStarted(page, endPoint);
    List<JsonObject> requests = page.getJsonArray("requests").getValuesAs(JsonObject.class);
    String id = connection.getString("id", "");
    assertEquals(id, UUID.fromString(id).toString(), "a UUID: " + connection);
    assertFalse(connection.containsKey("cmd"), "no command line in the answer: " + connection);
    URI sessionUrl = URI.create(connection.getString("sessionURL"));
    assertEquals("ws", sessionUrl.getScheme());
    assertEquals("127.0.0.1", sessionUrl.getHost());
    assertEquals("/ws", sessionUrl.getPath());
    int port = sessionUrl.getPort();
    assertTrue(port >= POOL_FIRST && port <= POOL_LAST, "port from the pool: " + port);

    // The browser's WebSocket reached the session and got its echo.
    assertEquals(page.getString("sent"), page.getString("echo", null), "echo; page: " + page);

    // The client's stop() is a DELETE of <endPoint>/<id>; wslink joins with "/", so an
    // endPoint ending in "/" (SmartConnect's default does) gives ".../paraview//<id>".
    assertEquals(2, requests.size(), "start and stop requests; page: " + page);
    JsonObject stop = requests.get(1);
    assertEquals("DELETE", stop.getString("method"));
    assertEquals(endPoint + "/" + id, stop.getString("url"));
    assertEquals(
        200,
        stop.getInt("status"),
        "the launcher must accept the URL wslink's stop() sends; answer: " + stop);
    assertEquals("ended", stop.getJsonObject("response").getString("state"), "stop: " + stop);
    // wslink 2.5.0's stop() reads `this.status` in an arrow function, so its load handler throws
    // and neither ProcessStopped nor Error fires; that client bug is the only page error allowed.
    for (JsonString error : page.getJsonArray("pageErrors").getValuesAs(JsonString.class)) {
      assertTrue(error.getString().contains(WSLINK_STOP_BUG), "unexpected page error: " + error);
    }
    assertEquals("ok", page.getString("outcome", null), "page outcome; page state: " + page);

    // The launcher agrees, and so does the operating system.
    Http.Answer shown = launcher.get("paraview/" + id);
    assertTrue(
        shown.status() == 404
            || (shown.status() == 200 && "ended".equals(shown.json().getString("state"))),
        "session after stop: " + shown.status() + " " + shown.body());
    List<ProcessHandle> left = Processes.awaitNoDemoOnPort(port, Duration.ofSeconds(10));
    assertTrue(left.isEmpty(), "demo processes left on port " + port + ": " + left);
    assertFalse(
        ProxyFile.liveSessionIds(serverDir).contains(id), "the proxy file still maps " + id);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Leaves no session behind when an assertion failed half-way. */
  private void stopIfRunning(String sessionId) throws IOException, InterruptedException {
    if (sessionId == null) {
      return;
    }
    Http.Answer shown = launcher.get("paraview/" + sessionId);
    if (shown.status() == 200 && !"ended".equals(shown.json().getString("state"))) {
      launcher.delete("paraview/" + sessionId);
    }
  }
}
