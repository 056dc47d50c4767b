package io.sessionlauncher.arquillian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import io.sessionlauncher.testing.WebSocketClient;
import io.sessionlauncher.testing.WebSocketClient.Closed;
import io.sessionlauncher.testing.WebSocketClient.Connection;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The launcher as deployed on the server the Maven profile picks, seen by a client: the same tests,
 * unchanged, on Open Liberty (RESTEasy) and Payara Micro (Jersey).
 */
@ExtendWith(ArquillianExtension.class)
class LauncherOnServerIT {
  private static final String UNKNOWN_ID = "3b241101-e2bb-4255-8caf-4136c566a962";
  private static final Duration WAIT = WebSocketClient.TIMEOUT;

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static Archive<?> deployment() {
    return Deployments.launcher();
  }

  /**
   * On loopback, where the servers listen (Payara Micro reports its host by the machine's address;
   * Liberty names an EAR's web module, not its context root).
   */
  private Http http() {
    return new Http(Deployments.root());
  }

  @Test
  void launchShowAndDeleteASessionProcess() throws Exception {
    Http http = http();
    Http.Answer created = http.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), Deployments.server() + ": " + created.body());
    String id = created.json().getString("id");
    int port = URI.create(created.json().getString("sessionURL")).getPort();
    Optional<ProcessHandle> process = Sessions.onPort(port);
    try {
      assertTrue(process.isPresent(), "no session process on port " + port);
      Path proxy = Deployments.configuration().proxyFile();
      assertTrue(Files.readString(proxy).contains(id + " 127.0.0.1:" + port), "proxy line");

      URI sessionUrl = URI.create(created.json().getString("sessionURL"));
      assertEquals(
          "echoed", new WebSocketClient().echo(sessionUrl, "echoed"), "the session echoes");

      Http.Answer shown = http.get("paraview/" + id);
      assertEquals(200, shown.status(), shown.body());
      assertEquals("ready", shown.json().getString("state"));

      Http.Answer deleted = http.delete("paraview/" + id);
      assertEquals(200, deleted.status(), deleted.body());
      assertEquals("ended", deleted.json().getString("state"));
      ProcessHandle handle = process.orElseThrow();
      Waits.until("the session process ended", Duration.ofSeconds(20), () -> !handle.isAlive());
      assertFalse(Files.readString(proxy).contains(id), "proxy line removed");
    } finally {
      process.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /**
   * The launcher's own WebSocket proxy, in both its forms ({@code /session/<id>/ws}, {@code
   * /proxy?sessionId=<id>&path=ws}): the session's echo comes back through it, on Open Liberty and
   * on Payara (whose Tyrus upgrades only to endpoints deployed under a matching path), and no
   * proxied connection is left counted once the client is done.
   */
  @Test
  void aWebSocketThroughTheLaunchersProxyIsEchoedWithNothingLeft() throws Exception {
    Http http = http();
    String id = startDemo(http);
    try {
      WebSocketClient webSockets = new WebSocketClient();
      assertEquals("proxied", webSockets.echo(proxied("session/" + id + "/ws"), "proxied"));
      assertEquals(
          "by query",
          webSockets.echo(proxied("proxy?sessionId=" + id + "&path=ws"), "by query"),
          "the ParaView form");
      byte[] large = new byte[Deployments.PROXY_MAX_MESSAGE];
      new Random(7).nextBytes(large);
      try (Connection open = webSockets.connect(proxied("session/" + id + "/ws"))) {
        open.sendBinary(large);
        assertArrayEquals(large, (byte[]) open.nextMessage(WAIT), "the largest message, whole");
        assertEquals(1, proxiedConnections(http, id), "counted while open");
      }
      waitUncounted(http, id);
    } finally {
      assertEquals(200, http.delete("paraview/" + id).status());
    }
  }

  /** Refused upgrades are the API's JSON errors, and leave nothing counted. */
  @Test
  void unknownAndMissingIdsAreRefusedUpgrades() throws Exception {
    WebSocketClient webSockets = new WebSocketClient();
    assertEquals(404, webSockets.refusedHandshake(proxied("session/" + UNKNOWN_ID + "/ws")));
    assertEquals(404, webSockets.refusedHandshake(proxied("proxy?sessionId=nope&path=ws")));
    assertEquals(400, webSockets.refusedHandshake(proxied("proxy?path=ws")));
  }

  /**
   * Close codes go both ways: the client's 4001 reaches the session, whose echo of it comes back; a
   * message past {@code proxy_max_message_size} closes with 1009; the session's end closes the
   * socket with 1001. None is left counted.
   */
  @Test
  void closeCodesPassBothWaysAndTheSessionsEndClosesWith1001() throws Exception {
    Http http = http();
    String id = startDemo(http);
    WebSocketClient webSockets = new WebSocketClient();
    try {
      try (Connection open = webSockets.connect(proxied("session/" + id + "/ws"))) {
        open.socket().sendClose(4001, "done here").get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        Closed closed = open.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(new Closed(4001, "done here"), closed);
      }
      waitUncounted(http, id);

      try (Connection open = webSockets.connect(proxied("session/" + id + "/ws"))) {
        var unused =
            open.socket().sendBinary(ByteBuffer.allocate(Deployments.PROXY_MAX_MESSAGE + 1), true);
        Closed closed = open.closed().get(WAIT.toMillis() * 3, TimeUnit.MILLISECONDS);
        assertEquals(1009, closed.code(), closed.toString());
        assertTrue(closed.reason().contains("proxy_max_message_size"), closed.reason());
      }
      waitUncounted(http, id);

      try (Connection open = webSockets.connect(proxied("proxy?sessionId=" + id + "&path=ws"))) {
        open.sendText("before the end");
        assertEquals("before the end", open.nextMessage(WAIT));
        assertEquals(200, http.delete("paraview/" + id).status());
        Closed closed = open.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(1001, closed.code(), closed.toString());
      }
    } finally {
      var unused = http.delete("paraview/" + id);
    }
  }

  /**
   * WebSocket paths at the session as deep as the proxy's deployed endpoints go (16 segments after
   * the id) are proxied on both servers; one segment deeper, Payara, which upgrades only to those
   * endpoints, refuses with 501 (JSON naming the depth), while Liberty proxies it too. Nothing is
   * left open or counted.
   */
  @Test
  void pathsAsDeepAsTheDeployedEndpointsGoAreProxied() throws Exception {
    Http http = http();
    String id = startDemo(http);
    try {
      WebSocketClient webSockets = new WebSocketClient();
      String deepest = "session/" + id + "/ws/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16";
      assertEquals("deepest", webSockets.echo(proxied(deepest), "deepest"));
      URI deeper = proxied(deepest + "/17");
      if (Deployments.server().startsWith("Payara")) {
        assertEquals(501, webSockets.refusedHandshake(deeper));
      } else {
        assertEquals("deeper", webSockets.echo(deeper, "deeper"));
      }
      waitUncounted(http, id);
    } finally {
      assertEquals(200, http.delete("paraview/" + id).status());
    }
  }

  private static String startDemo(Http http) throws Exception {
    Http.Answer created = http.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), Deployments.server() + ": " + created.body());
    return created.json().getString("id");
  }

  private static URI proxied(String path) {
    return URI.create(Deployments.root().toString().replaceFirst("^http", "ws") + path);
  }

  private static int proxiedConnections(Http http, String id) throws Exception {
    return http.get("paraview/" + id).json().getInt("proxiedConnections", 0);
  }

  private static void waitUncounted(Http http, String id) {
    Waits.until(
        "no proxied connection counted for " + id, WAIT, () -> proxiedConnections(http, id) == 0);
  }

  /**
   * Byte for byte the same bodies as on the other server: the error mappers' JSON, not the JAX-RS
   * implementation's, for the application's errors and for those the container answers.
   */
  @Test
  void errorsAreTheSameJsonBytesOnEveryServer() throws Exception {
    Http http = http();
    assertError(
        http.post("paraview/", "{\"application\": \"nope\"}"),
        400,
        "{\"error\":\"Unknown application: nope\"}");
    assertError(
        http.post("paraview/", "[1]"),
        400,
        "{\"error\":\"The request body must be a JSON object\"}");
    assertError(http.post("paraview/", "{}"), 400, "{\"error\":\"The request is not complete\"}");
    assertError(http.post("paraview", "{}"), 400, "{\"error\":\"The request is not complete\"}");
    assertError(
        http.post(
            "paraview/", "{\"application\": \"demo\", \"x\": \"" + "a".repeat(70_000) + "\"}"),
        413,
        "{\"error\":\"The request body is larger than 65536 bytes\"}");
    assertError(
        http.post("paraview/", "x"),
        400,
        "{\"error\":\"The request body is not valid JSON (line 1, column 1)\"}");
    assertError(
        http.get("paraview/" + UNKNOWN_ID),
        404,
        "{\"error\":\"No session with id: " + UNKNOWN_ID + "\"}");
    assertError(
        http.delete("paraview/" + UNKNOWN_ID),
        404,
        "{\"error\":\"No session with id: " + UNKNOWN_ID + "\"}");
    assertError(
        http.send(
            http.request("paraview/")
                .method("PUT", HttpRequest.BodyPublishers.ofString("{}"))
                .build()),
        405,
        "{\"error\":\"Method Not Allowed\"}");
  }

  /**
   * {@code LAUNCHER_CONFIG} read through MicroProfile Config names the file in use, as the
   * launcher's readiness check (served by the server's MicroProfile Health at its root) tells. The
   * overall status is not this test's: on Liberty it also counts server.xml's own application,
   * which this server does not have.
   */
  @Test
  void theConfigurationFileComesFromMicroProfileConfig() throws Exception {
    Http.Answer ready =
        new Http(URI.create("http://127.0.0.1:" + base.getPort() + "/")).get("health/ready");
    assertTrue(ready.status() == 200 || ready.status() == 503, ready.body());
    String file = Deployments.configuration().folder().resolve("launcher.json").toString();
    assertTrue(
        ready.json().getJsonArray("checks").stream()
            .map(JsonObject.class::cast)
            .anyMatch(
                check ->
                    check.containsKey("data")
                        && file.equals(check.getJsonObject("data").getString("file", ""))),
        ready.body());
  }

  /** The example plugin's jar in the folder {@code LAUNCHER_PLUGINS} names launches a greeter. */
  @Test
  void aPluginFromThePluginsFolderLaunches() throws Exception {
    Http http = http();
    Http.Answer plugins = http.get("plugins");
    assertTrue(plugins.body().contains("\"product\":\"greeter\""), plugins.body());

    Http.Answer created = http.post("paraview/", "{\"application\": \"greeter\"}");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    try {
      int port = URI.create(created.json().getString("sessionURL")).getPort();
      Http.Answer greeting = new Http(URI.create("http://127.0.0.1:" + port + "/")).get("");
      assertEquals(Deployments.GREETING, greeting.body().strip());
    } finally {
      // Not asserted: a failure above may have ended the session, and its message matters more.
      var unused = http.delete("paraview/" + id);
    }
  }

  /** The engine found the server's managed executor and runs sessions on it. */
  @Test
  void sessionsRunOnTheServersManagedExecutor() throws Exception {
    String log =
        Files.readString(Path.of(Deployments.property("arq.server.log")), StandardCharsets.UTF_8);
    assertTrue(
        log.contains("Sessions run on the container's managed executor"),
        Deployments.server() + "'s log does not say the managed executor runs the sessions");
    assertTrue(log.contains("on the managed executor"), "the launcher's ready line");
  }

  private static void assertError(Http.Answer answer, int status, String body) {
    assertEquals(status, answer.status(), answer.body());
    assertEquals(
        "application/json;charset=utf-8",
        String.valueOf(answer.contentType()).toLowerCase(Locale.ROOT).replace(" ", ""),
        "content type");
    assertEquals(body, answer.body());
  }
}
