package io.sessionlauncher.e2e;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;

/**
 * The end-to-end test page ({@code src/test/liberty/browser/content}), as the browser tests read
 * it: the page records what the wslink client does in {@code window.e2e} and sets {@code done} when
 * it has finished, whatever the outcome.
 */
final class WslinkPage {
  /** How long the page may take from loading to {@code done}: start, ready, echo, stop. */
  static final Duration LIMIT = Duration.ofSeconds(60);

  private WslinkPage() {}

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

  /** The id of the session the client started, or {@code null} if it started none. */
  static String sessionId(JsonObject page) {
    return page.get("connection") instanceof JsonObject connection
        ? connection.getString("id", null)
        : null;
  }
}
