package io.sessionlauncher.rest.sessions;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import io.sessionlauncher.testing.LauncherJson;
import io.sessionlauncher.testing.Waits;
import io.sessionlauncher.testing.WebSocketClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session resource over real HTTP, with real demo session processes. */
class SessionResourceTest {
  private static final int POOL_SIZE = 3;

  /** A port another program holds, for an app that insists on it. */
  private static ServerSocket taken;

  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(POOL_SIZE, SessionResourceTest::configure);

  private final Http http = new Http();

  private static LauncherJson configure(LauncherJson json) throws IOException {
    taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    return json.app("demo", DemoApp.app())
        .app("crash", List.of("/bin/sh", "-c", "echo going down; exit 3"), "never")
        .app("missing", List.of("/nonexistent/program"), "x")
        .app(
            "portTaken",
            List.of("${java}", "-jar", "${demo}", "--port", String.valueOf(taken.getLocalPort())),
            DemoApp.READY_LINE)
        .app("needs", List.of("${java}", "${fileToLoad}"), "x");
  }

  @AfterAll
  static void releasePort() throws IOException {
    taken.close();
  }

  @AfterEach
  void endSessions() {
    launcher.stopAllSessions();
    assertEquals(POOL_SIZE, launcher.pool().available(), "every port is back in the pool");
  }

  private URI endpoint(String rest) {
    return launcher.uri("/paraview/" + rest);
  }

  @Test
  void launchesDemoSessionEchoesAndStopsIt() throws Exception {
    Instant before = Instant.now();
    Answer created = http.post(endpoint(""), "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    assertEquals(
        "application/json;charset=utf-8",
        created.contentType().toLowerCase(Locale.ROOT).replace(" ", ""));
    JsonObject session = created.json();
    String id = session.getString("id");
    String url = session.getString("sessionURL");
    assertEquals("ws://127.0.0.1:" + session.getInt("port") + "/ws", url);
    assertEquals("127.0.0.1", session.getString("host"));
    assertFalse(session.containsKey("cmd"), "cmd is never sent to the client");
    assertFalse(session.containsKey("secret"), "the secret is not used by this command");
    assertTrue(Duration.between(before, Instant.now()).toSeconds() < 15);

    assertEquals("echo me", new WebSocketClient().echo(URI.create(url), "echo me"));
    assertEquals(
        id + " 127.0.0.1:" + session.getInt("port") + "\n",
        Files.readString(launcher.json().proxyFile()));
    assertTrue(
        Files.readString(launcher.json().logDir().resolve(id + ".txt"))
            .contains("Starting factory"));

    Answer shown = http.get(endpoint(id));
    assertEquals(200, shown.status(), shown.body());
    assertEquals("ready", shown.json().getString("state"));
    assertEquals(url, shown.json().getString("sessionURL"));

    Answer deleted = http.delete(endpoint(id));
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals("ended", deleted.json().getString("state"));
    assertEquals("stopped", deleted.json().getString("endCause"));
    assertFalse(deleted.json().containsKey("cmd"));
    assertEquals("", Files.readString(launcher.json().proxyFile()));
    assertNoDemoProcessLeft();
    assertEquals("ended", http.get(endpoint(id)).json().getString("state"));
  }

  @Test
  void acceptsTheDoubledSlashTheWslinkClientSends() {
    Answer created = http.post(endpoint(""), "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    // wslink joins its endpoint "paraview/" and the id with "/".
    assertEquals("ready", http.get(endpoint("/" + id)).json().getString("state"));
    Answer deleted = http.delete(endpoint("/" + id));
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals("ended", deleted.json().getString("state"));
  }

  @Test
  void aPageOfAnotherOriginCannotLaunchEvenWithoutAPreflight() {
    java.net.http.HttpRequest simple =
        java.net.http.HttpRequest.newBuilder(endpoint(""))
            .header("Content-Type", "text/plain;charset=UTF-8")
            .header("Origin", "http://evil.example")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"application\": \"demo\"}"))
            .build();
    assertJsonError(http.send(simple), 403, "http://evil.example");
    assertTrue(launcher.sessions().list().isEmpty(), "nothing was launched");
  }

  @Test
  void acceptsTheEndpointWithoutTrailingSlash() {
    Answer created = http.post(launcher.uri("/paraview"), "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
  }

  @Test
  void refusesBadRequestsWithJsonErrorsAndLaunchesNothing() throws Exception {
    assertJsonError(http.post(endpoint(""), "not json"), 400, "not valid JSON");
    assertJsonError(http.post(endpoint(""), "[1, 2]"), 400, "must be a JSON object");
    assertJsonError(http.post(endpoint(""), ""), 400, "empty");
    assertJsonError(
        http.post(endpoint(""), "{\"app\": \"demo\"}"), 400, "The request is not complete");
    assertJsonError(http.post(endpoint(""), "{\"application\": 3}"), 400, "'application'");
    assertJsonError(
        http.post(endpoint(""), "{\"application\": \"nope\"}"), 400, "Unknown application: nope");
    assertJsonError(http.post(endpoint(""), "{\"application\": \"needs\"}"), 400, "'fileToLoad'");
    assertJsonError(
        http.post(
            endpoint(""), "{\"application\": \"demo\", \"x\": \"" + "a".repeat(70_000) + "\"}"),
        413,
        "larger than");
    assertEquals(POOL_SIZE, launcher.pool().available());
    assertTrue(launcher.sessions().list().isEmpty());
    assertEquals("", Files.readString(launcher.json().proxyFile()));
  }

  @Test
  void unknownIdsAndEndpointsAre404() {
    assertJsonError(http.get(endpoint("3b241101-e2bb-4255-8caf-4136c566a962")), 404, "No session");
    assertJsonError(
        http.delete(endpoint("3b241101-e2bb-4255-8caf-4136c566a962")), 404, "No session");
    assertJsonError(http.get(endpoint("not-a-uuid")), 404, "No session");
    assertJsonError(http.post(launcher.uri("/other/"), "{\"application\": \"demo\"}"), 404, "");
  }

  @Test
  void fullPoolIs503WithRetryAfter() {
    for (int i = 0; i < POOL_SIZE; i++) {
      assertEquals(200, http.post(endpoint(""), "{\"application\": \"demo\"}").status());
    }
    Answer refused = http.post(endpoint(""), "{\"application\": \"demo\"}");
    assertJsonError(refused, 503, "All the resources are currently taken");
    assertEquals("5", refused.header("Retry-After"));
  }

  @Test
  void processExitingBeforeReadyIs503AtOnceNamingTheExitCode() {
    Instant before = Instant.now();
    Answer answer = http.post(endpoint(""), "{\"application\": \"crash\"}");
    assertJsonError(answer, 503, "exited with code 3");
    assertTrue(Duration.between(before, Instant.now()).toSeconds() < 10, "well before the timeout");
    assertTrue(launcher.sessions().list().isEmpty());
  }

  @Test
  void aProgramFailingBecauseItsPortIsTakenIs503NamingTheExitCode() {
    Answer answer = http.post(endpoint(""), "{\"application\": \"portTaken\"}");
    assertJsonError(answer, 503, "exited with code 3");
    assertTrue(launcher.sessions().list().isEmpty());
    assertNoDemoProcessLeft();
  }

  @Test
  void programThatCannotStartIs503AndLeavesNothingRegistered() {
    assertJsonError(
        http.post(endpoint(""), "{\"application\": \"missing\"}"), 503, "/nonexistent/program");
    assertTrue(launcher.sessions().list().isEmpty());
  }

  /** Waits until no demo session process is left; fails naming those still running. */
  static void assertNoDemoProcessLeft() {
    Waits.until(
        () -> "no demo session process left, but these still run: " + demoProcesses(),
        Duration.ofSeconds(10),
        () -> demoProcesses().isEmpty());
  }

  /** This JVM's descendants running the demo session jar. */
  static List<ProcessHandle> demoProcesses() {
    String jar = DemoApp.jar();
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(jar))
        .toList();
  }
}
