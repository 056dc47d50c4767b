package io.sessionlauncher.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.FreePorts;
import io.sessionlauncher.rest.testing.Http;
import io.sessionlauncher.rest.testing.Http.Answer;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.rest.testing.LauncherJson;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session resource over real HTTP, with real demo session processes. */
class SessionResourceTest {
  private static final int POOL_SIZE = 3;

  @TempDir static Path folder;
  private static InProcessLauncher launcher;
  private static LauncherJson json;
  private final Http http = new Http();

  /** A port another program holds, for an app that insists on it. */
  private static java.net.ServerSocket taken;

  @BeforeAll
  static void start() throws Exception {
    taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
    json = configuration(FreePorts.range(POOL_SIZE));
    launcher = InProcessLauncher.start(json.write());
  }

  private static LauncherJson configuration(int first) {
    return new LauncherJson(folder, first, first + POOL_SIZE - 1)
        .demoApp("demo")
        .app(
            "crash",
            "{\"cmd\": [\"/bin/sh\", \"-c\", \"echo going down; exit 3\"], \"ready_line\": \"never\"}")
        .app("missing", "{\"cmd\": [\"/nonexistent/program\"], \"ready_line\": \"x\"}")
        .app(
            "portTaken",
            "{\"cmd\": [\"${java}\", \"-jar\", \"${demo}\", \"--port\", \""
                + taken.getLocalPort()
                + "\"], \"ready_line\": \"Starting factory\"}")
        .app("needs", "{\"cmd\": [\"${java}\", \"${fileToLoad}\"], \"ready_line\": \"x\"}");
  }

  @AfterAll
  static void stop() throws Exception {
    taken.close();
    if (launcher != null) {
      launcher.close();
    }
  }

  @AfterEach
  void endSessions() {
    launcher.sessions().list().forEach(session -> launcher.sessions().stop(session.id()));
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

    assertEquals("echo me", http.echo(URI.create(url), "echo me"));
    assertEquals(
        id + " 127.0.0.1:" + session.getInt("port") + "\n", Files.readString(json.proxyFile()));
    assertTrue(Files.readString(json.logDir().resolve(id + ".txt")).contains("Starting factory"));

    Answer shown = http.get(endpoint(id));
    assertEquals(200, shown.status(), shown.body());
    assertEquals("ready", shown.json().getString("state"));
    assertEquals(url, shown.json().getString("sessionURL"));

    Answer deleted = http.delete(endpoint(id));
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals("ended", deleted.json().getString("state"));
    assertEquals("stopped", deleted.json().getString("endCause"));
    assertFalse(deleted.json().containsKey("cmd"));
    assertEquals("", Files.readString(json.proxyFile()));
    assertTrue(demoProcesses().isEmpty(), "no demo process is left: " + demoProcesses());
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
    assertError(http.send(simple), 403, "http://evil.example");
    assertTrue(launcher.sessions().list().isEmpty(), "nothing was launched");
  }

  @Test
  void acceptsTheEndpointWithoutTrailingSlash() {
    Answer created = http.post(launcher.uri("/paraview"), "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
  }

  @Test
  void refusesBadRequestsWithJsonErrorsAndLaunchesNothing() throws Exception {
    assertError(http.post(endpoint(""), "not json"), 400, "not valid JSON");
    assertError(http.post(endpoint(""), "[1, 2]"), 400, "must be a JSON object");
    assertError(http.post(endpoint(""), ""), 400, "empty");
    assertError(http.post(endpoint(""), "{\"app\": \"demo\"}"), 400, "The request is not complete");
    assertError(http.post(endpoint(""), "{\"application\": 3}"), 400, "'application'");
    assertError(
        http.post(endpoint(""), "{\"application\": \"nope\"}"), 400, "Unknown application: nope");
    assertError(http.post(endpoint(""), "{\"application\": \"needs\"}"), 400, "'fileToLoad'");
    assertError(
        http.post(
            endpoint(""), "{\"application\": \"demo\", \"x\": \"" + "a".repeat(70_000) + "\"}"),
        413,
        "larger than");
    assertEquals(POOL_SIZE, launcher.pool().available());
    assertTrue(launcher.sessions().list().isEmpty());
    assertEquals("", Files.readString(json.proxyFile()));
  }

  @Test
  void unknownIdsAndEndpointsAre404() {
    assertError(http.get(endpoint("3b241101-e2bb-4255-8caf-4136c566a962")), 404, "No session");
    assertError(http.delete(endpoint("3b241101-e2bb-4255-8caf-4136c566a962")), 404, "No session");
    assertError(http.get(endpoint("not-a-uuid")), 404, "No session");
    assertError(http.post(launcher.uri("/other/"), "{\"application\": \"demo\"}"), 404, "");
  }

  @Test
  void fullPoolIs503WithRetryAfter() {
    for (int i = 0; i < POOL_SIZE; i++) {
      assertEquals(200, http.post(endpoint(""), "{\"application\": \"demo\"}").status());
    }
    Answer refused = http.post(endpoint(""), "{\"application\": \"demo\"}");
    assertError(refused, 503, "All the resources are currently taken");
    assertEquals("5", refused.header("Retry-After"));
  }

  @Test
  void processExitingBeforeReadyIs503AtOnceNamingTheExitCode() {
    Instant before = Instant.now();
    Answer answer = http.post(endpoint(""), "{\"application\": \"crash\"}");
    assertError(answer, 503, "exited with code 3");
    assertTrue(Duration.between(before, Instant.now()).toSeconds() < 10, "well before the timeout");
    assertTrue(launcher.sessions().list().isEmpty());
  }

  @Test
  void aProgramFailingBecauseItsPortIsTakenIs503NamingTheExitCode() {
    Answer answer = http.post(endpoint(""), "{\"application\": \"portTaken\"}");
    assertError(answer, 503, "exited with code 3");
    assertTrue(launcher.sessions().list().isEmpty());
    assertTrue(demoProcesses().isEmpty(), "nothing left: " + demoProcesses());
  }

  @Test
  void programThatCannotStartIs503AndLeavesNothingRegistered() {
    assertError(
        http.post(endpoint(""), "{\"application\": \"missing\"}"), 503, "/nonexistent/program");
    assertTrue(launcher.sessions().list().isEmpty());
  }

  private static void assertError(Answer answer, int status, String part) {
    assertEquals(status, answer.status(), answer.body());
    assertNotNull(answer.contentType(), "content type");
    assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
    String error = answer.json().getString("error");
    assertTrue(error.contains(part), "error '" + error + "' should contain '" + part + "'");
  }

  static List<ProcessHandle> demoProcesses() {
    String jar = LauncherJson.demoJar();
    waitFor(
        () ->
            ProcessHandle.current()
                .descendants()
                .noneMatch(p -> p.info().commandLine().orElse("").contains(jar)),
        Duration.ofSeconds(10));
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(jar))
        .toList();
  }

  static void waitFor(BooleanSupplier condition, Duration limit) {
    Instant end = Instant.now().plus(limit);
    while (!condition.getAsBoolean() && Instant.now().isBefore(end)) {
      java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
    }
  }
}
