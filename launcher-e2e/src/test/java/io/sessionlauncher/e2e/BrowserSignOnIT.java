package io.sessionlauncher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A person signing on with a browser: headless Chromium opens the launcher's page over HTTPS, is
 * sent to Keycloak's login form, signs in as alice, and comes back to the page, whose npm {@code
 * wslink} ProcessLauncher then starts a session, talks to it over its WebSocket and stops it. The
 * page's requests carry no Authorization header: the sign-on cookie Liberty set after the login is
 * all that makes them alice's.
 */
@ExtendWith(KeycloakExtension.class)
class BrowserSignOnIT {
  private static final Duration LOGIN_FORM_LIMIT = Duration.ofSeconds(60);

  /** What Chromium reports for the TypeError thrown by wslink 2.5.0's stop() callback. */
  private static final String WSLINK_STOP_BUG = "Cannot read properties of undefined";

  private static Keycloak keycloak;

  private final URI https =
      URI.create("https://127.0.0.1:" + SystemTools.required("e2e.signon.https.port") + "/");
  private final Http api =
      new Http(
          URI.create("http://127.0.0.1:" + SystemTools.required("e2e.signon.http.port") + "/"));
  private final Path content =
      Path.of(SystemTools.required("e2e.signon.server.dir")).resolve("content");
  private Path work;

  @BeforeAll
  static void provider(Keycloak running) {
    keycloak = running;
  }

  @BeforeEach
  void browserAndClient(TestInfo test) throws IOException {
    work = WslinkPage.prepare(content, test);
  }

  @Test
  void aUserSignsInAndThePageLaunchesTalksToAndStopsASession() throws Exception {
    String sessionId = null;
    try (HeadlessChromium chromium = HeadlessChromium.start(work, true)) {
      String index = https.resolve("index.html").toString();
      signIn(chromium, index, "alice");

      // Back on the page, which runs the client as soon as it loads.
      JsonObject page = WslinkPage.await(chromium);
      assertEquals(index, chromium.driver().getCurrentUrl(), "back on the page it asked for");
      sessionId = WslinkPage.sessionId(page);
      assertWholeLife(page, https.resolve("paraview/").toString());
    } finally {
      stopIfRunning(sessionId);
    }
  }

  @Test
  void anotherUserInHisBrowserCannotReachAlicesSessionAndAnAdminInHersStopsIt() throws Exception {
    Http.Answer launched =
        new BearerCalls(api)
            .post(keycloak.accessToken("alice"), "paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, launched.status(), launched.body());
    String sessionId = launched.json().getString("id");
    try {
      try (HeadlessChromium bob = HeadlessChromium.start(work.resolve("bob"), true)) {
        signIn(bob, https.resolve("blank.html").toString(), "bob");
        assertTrue(
            bob.driver().getCurrentUrl().endsWith("/blank.html"), bob.driver().getCurrentUrl());
        assertEquals(404, fetch(bob, "GET", "paraview/" + sessionId).getInt("status"));
        assertEquals(404, fetch(bob, "DELETE", "paraview/" + sessionId).getInt("status"));
        JsonObject listing = fetch(bob, "GET", "paraview/");
        assertEquals(200, listing.getInt("status"), listing.toString());
        assertFalse(listing.getString("body").contains(sessionId), listing.toString());
      }
      try (HeadlessChromium carol = HeadlessChromium.start(work.resolve("carol"), true)) {
        signIn(carol, https.resolve("blank.html").toString(), "carol");
        JsonObject listing = fetch(carol, "GET", "paraview/");
        assertEquals(200, listing.getInt("status"), listing.toString());
        assertTrue(listing.getString("body").contains(sessionId), listing.toString());
        JsonObject stopped = fetch(carol, "DELETE", "paraview/" + sessionId);
        assertEquals(200, stopped.getInt("status"), stopped.toString());
      }
      Http.Answer shown =
          new BearerCalls(api).get(keycloak.accessToken("alice"), "paraview/" + sessionId);
      assertEquals("ended", shown.json().getString("state"), shown.body());
      sessionId = null;
    } finally {
      stopIfRunning(sessionId);
    }
  }

  @Test
  void aMemberOfALicensedGroupLaunchesItsApplicationFromTheBrowser() throws Exception {
    try (HeadlessChromium erin = HeadlessChromium.start(work.resolve("erin"), true);
        HeadlessChromium alice = HeadlessChromium.start(work.resolve("alice"), true)) {
      signIn(erin, https.resolve("blank.html").toString(), "erin");
      JsonObject launched = fetch(erin, "POST", "paraview/", "{\"application\": \"licensed\"}");
      assertEquals(200, launched.getInt("status"), launched.toString());
      String id =
          jakarta.json.Json.createReader(new java.io.StringReader(launched.getString("body")))
              .readObject()
              .getString("id");
      assertEquals(200, fetch(erin, "DELETE", "paraview/" + id, null).getInt("status"));

      signIn(alice, https.resolve("blank.html").toString(), "alice");
      JsonObject refused = fetch(alice, "POST", "paraview/", "{\"application\": \"licensed\"}");
      assertEquals(403, refused.getInt("status"), refused.toString());
      assertTrue(refused.getString("body").contains("'licensed'"), refused.toString());
    }
  }

  /** Opens {@code page}, is sent to Keycloak's login form and signs in there as {@code user}. */
  private static void signIn(HeadlessChromium chromium, String page, String user) {
    chromium.driver().get(page);
    String loginForm = keycloak.authorizationEndpoint(Keycloak.REALM);
    Waits.until(
        () ->
            "Keycloak's login form at "
                + loginForm
                + "; the browser is at "
                + chromium.driver().getCurrentUrl(),
        LOGIN_FORM_LIMIT,
        Duration.ofMillis(100),
        () ->
            chromium.driver().getCurrentUrl().startsWith(loginForm)
                && !chromium.driver().findElements(By.id("kc-login")).isEmpty());
    chromium.driver().findElement(By.id("username")).sendKeys(user);
    chromium.driver().findElement(By.id("password")).sendKeys(user + "-password");
    WebElement login = chromium.driver().findElement(By.id("kc-login"));
    login.click();
    Waits.until(
        () -> "back at " + page + "; the browser is at " + chromium.driver().getCurrentUrl(),
        LOGIN_FORM_LIMIT,
        Duration.ofMillis(100),
        () -> chromium.driver().getCurrentUrl().equals(page));
  }

  /**
   * The page's own same-origin {@code fetch}, carrying only the sign-on cookie: {@code {"status",
   * "body"}}.
   */
  private static JsonObject fetch(HeadlessChromium chromium, String method, String path) {
    return fetch(chromium, method, path, null);
  }

  /** The same with a JSON body, or none when {@code body} is {@code null}. */
  private static JsonObject fetch(
      HeadlessChromium chromium, String method, String path, String body) {
    Object answer =
        ((org.openqa.selenium.JavascriptExecutor) chromium.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {method: arguments[1], body: arguments[2],"
                    + " headers: arguments[2] ? {'Content-Type': 'application/json'} : {}})"
                    + ".then(async r => done(JSON.stringify({status: r.status, body: await"
                    + " r.text()})))"
                    + ".catch(e => done(JSON.stringify({status: -1, body: String(e)})));",
                path,
                method,
                body);
    return jakarta.json.Json.createReader(new java.io.StringReader(String.valueOf(answer)))
        .readObject();
  }

  private void assertWholeLife(JsonObject page, String endPoint) throws Exception {
    // Signed on by the login cookie alone: the page sends no Authorization header.
    JsonObject connection = WslinkPage.assertStarted(page, endPoint);
    List<JsonObject> requests = page.getJsonArray("requests").getValuesAs(JsonObject.class);
    // The launcher knew the caller: the session was launched for alice.
    assertEquals("alice", connection.getString("user", null), "session: " + connection);
    assertEquals(page.getString("sent"), page.getString("echo", null), "echo; page: " + page);

    assertEquals(2, requests.size(), "start and stop requests; page: " + page);
    JsonObject stop = requests.get(1);
    assertEquals("DELETE", stop.getString("method"));
    assertEquals(200, stop.getInt("status"), "stop answer (signed on by cookie): " + stop);
    assertEquals("ended", stop.getJsonObject("response").getString("state"), "stop: " + stop);
    for (JsonString error : page.getJsonArray("pageErrors").getValuesAs(JsonString.class)) {
      assertTrue(error.getString().contains(WSLINK_STOP_BUG), "unexpected page error: " + error);
    }
    assertEquals("ok", page.getString("outcome", null), "page outcome; page state: " + page);

    int port = URI.create(connection.getString("sessionURL")).getPort();
    List<ProcessHandle> left = Processes.awaitNoDemoOnPort(port, Duration.ofSeconds(10));
    assertTrue(left.isEmpty(), "demo processes left on port " + port + ": " + left);
  }

  /** Leaves no session behind when an assertion failed half-way. */
  private void stopIfRunning(String sessionId) {
    if (sessionId == null) {
      return;
    }
    new BearerCalls(api).delete(keycloak.accessToken("alice"), "paraview/" + sessionId);
  }
}
