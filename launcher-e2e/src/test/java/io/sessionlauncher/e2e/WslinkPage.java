package io.sessionlauncher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.TestInfo;

/**
 * The end-to-end test page ({@code src/test/liberty/browser/content}), as the browser tests read
 * it: the page records what the wslink client does in {@code window.e2e} and sets {@code done} when
 * it has finished, whatever the outcome.
 */
final class WslinkPage {
  /** How long the page may take from loading to {@code done}: start, ready, echo, stop. */
  static final Duration LIMIT = Duration.ofSeconds(60);

  private WslinkPage() {}

  /**
   * Readies a browser test of the page in {@code content}: skips without Chromium, puts the wslink
   * package's own browser build next to the page that loads it, and returns the test's own work
   * folder (Chromium's profile, removed when it closes, and chromedriver's log, kept).
   */
  static Path prepare(Path content, TestInfo test) throws IOException {
    SystemTools.requireChromium();
    Path wslink = SystemTools.requireWslinkBrowserBuild();
    Files.copy(wslink, content.resolve("wslink.js"), StandardCopyOption.REPLACE_EXISTING);
    return Path.of(SystemTools.required("e2e.browser.work.dir"))
        .resolve(test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime());
  }

  /** Waits until the page is done and returns its record; fails saying where it got to. */
  static JsonObject await(HeadlessChromium chromium) {
    if (!chromium.awaitTrue("return !!(window.e2e && window.e2e.done);", LIMIT)) {
      throw new AssertionError(
          "the page did not finish in "
              + LIMIT.toSeconds()
              + " s; at "
              + chromium.driver().getCurrentUrl()
              + ", state "
              + chromium.script("return window.e2e ? JSON.stringify(window.e2e) : null;")
              + ", page "
              + chromium.driver().getPageSource());
    }
    String state = (String) chromium.script("return JSON.stringify(window.e2e);");
    return Json.createReader(new StringReader(state)).readObject();
  }

  /**
   * Checks that the client's first request was its start: a POST to {@code endPoint} answered 200,
   * followed by the ProcessReady event; returns that event's session.
   */
  static JsonObject assertStarted(JsonObject page, String endPoint) {
    List<JsonObject> requests = page.getJsonArray("requests").getValuesAs(JsonObject.class);
    assertFalse(requests.isEmpty(), "the client sent a request; page: " + page);
    JsonObject start = requests.get(0);
    assertEquals("POST", start.getString("method"));
    assertEquals(endPoint, start.getString("url"));
    assertEquals(200, start.getInt("status"), "start answer: " + start);
    assertTrue(page.get("connection") instanceof JsonObject, "ProcessReady event; page: " + page);
    return page.getJsonObject("connection");
  }

  /** The id of the session the client started, or {@code null} if it started none. */
  static String sessionId(JsonObject page) {
    return page.get("connection") instanceof JsonObject connection
        ? connection.getString("id", null)
        : null;
  }
}
