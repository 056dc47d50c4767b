package io.sessionlauncher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The npm {@code wslink} client's ProcessLauncher in headless Chromium starts a demo session on the
 * launcher in Open Liberty (or Payara Micro, profile {@code payara-micro}), and the page talks to
 * the session through the launcher's own proxy, with no other front end: text and a 2 MiB binary
 * message echoed, a close from the page passing its code, and the session's end (the client's
 * stop()) closing the socket with 1001.
 */
class WslinkThroughProxyIT {
  private final Http launcher =
      new Http(
          URI.create(
              "http://127.0.0.1:" + Integer.getInteger("e2e.browser.http.port", 9380) + "/"));
  private final Path content =
      Path.of(SystemTools.required("e2e.browser.server.dir")).resolve("content");
  private Path work;

  @BeforeEach
  void browserAndClient(TestInfo test) throws IOException {
    work = WslinkPage.prepare(content, test);
  }

  @ParameterizedTest(name = "form {0}")
  @ValueSource(strings = {"session", "proxy"})
  void thePageTalksToItsSessionThroughTheLaunchersProxy(String form) throws Exception {
    String sessionId = null;
    try (HeadlessChromium chromium = HeadlessChromium.start(work)) {
      chromium.driver().get(launcher.base().resolve("proxy.html?form=" + form).toString());
      JsonObject page = WslinkPage.await(chromium);
      sessionId = WslinkPage.sessionId(page);
      assertEquals("ok", page.getString("outcome"), "page: " + page);
      assertEquals("hello through the launcher", page.getString("textEcho"));
      assertTrue(page.getBoolean("binaryEqual"), "2 MiB binary echoed unchanged: " + page);
      assertEquals(4000, page.getJsonObject("pageClose").getInt("code"), "page: " + page);
      JsonObject ended = page.getJsonObject("endClose");
      assertEquals(1001, ended.getInt("code"), "closed by the session's end: " + page);
      assertTrue(
          page.getInt("endCloseMillis") < 1000,
          "closed within a second of stop(): " + page.getInt("endCloseMillis") + " ms");
      String id = sessionId;
      // The socket closes as the end begins; the session is ended a moment later.
      Waits.until(
          "session " + id + " ended",
          Duration.ofSeconds(20),
          () -> "ended".equals(launcher.get("paraview/" + id).json().getString("state")));
    } finally {
      if (sessionId != null) {
        Http.Answer shown = launcher.get("paraview/" + sessionId);
        if (shown.status() == 200 && !"ended".equals(shown.json().getString("state"))) {
          var unused = launcher.delete("paraview/" + sessionId);
        }
      }
    }
  }
}
