package io.sessionlauncher.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.rest.testing.TestIdentity;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import io.sessionlauncher.testing.Waits;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may do what once the server signs users on, over real HTTP with real demo sessions: the
 * principal and its groups come from {@link TestIdentity}'s headers, as the server's MicroProfile
 * JWT gives them from a token (the real provider is Keycloak, in the end-to-end tests).
 */
class SignOnTest {
  private static final String USER = "launcher-user";
  private static final String ADMIN = "launcher-admin";

  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(
              8,
              json ->
                  json.set("configuration.max_sessions_per_user", 2)
                      .set("configuration.max_starting", 2)
                      .app("demo", DemoApp.app("--secret", "${secret}"))
                      .app("licensed", DemoApp.app(Map.of("roles", List.of("licensed-users"))))
                      .app("single", DemoApp.app(Map.of("max_sessions_per_user", 1)))
                      .app("slow", Map.of("cmd", List.of("sleep", "30"), "ready_line", "never"))
                      .sessionData("folder", "/data/${user}"))
          .withSignOn();

  private final Http http = new Http();

  @AfterEach
  void endSessions() {
    launcher.stopAllSessions();
  }

  private Answer send(String method, String path, String body, String user, String... groups) {
    HttpRequest.Builder request =
        Http.request(launcher.uri(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header(TestIdentity.USER, user);
      if (groups.length > 0) {
        request.header(TestIdentity.GROUPS, String.join(",", groups));
      }
    }
    return http.send(request.build());
  }

  private Answer launch(String app, String user, String... groups) {
    return send("POST", "/paraview/", "{\"application\": \"" + app + "\"}", user, groups);
  }

  private Answer alice(String method, String path) {
    return send(method, path, null, "alice", USER);
  }

  private Answer bob(String method, String path) {
    return send(method, path, null, "bob", USER);
  }

  private Answer carol(String method, String path) {
    return send(method, path, null, "carol", ADMIN);
  }

  private String launched(String app, String user, String... groups) {
    Answer answer = launch(app, user, groups);
    assertEquals(200, answer.status(), answer.body());
    return answer.json().getString("id");
  }

  private static void assertJsonError(int status, Answer answer) {
    assertEquals(status, answer.status(), answer.body());
    assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
    assertFalse(answer.json().getString("error").isBlank(), answer.body());
  }

  @Test
  void withoutAUserEveryEndpointIsRefusedWith401AndNothingStarts() {
    for (Answer answer :
        List.of(
            launch("demo", null),
            send("GET", "/paraview/", null, null),
            send("GET", "/paraview/3b241101-e2bb-4255-8caf-4136c566a962", null, null),
            send("DELETE", "/paraview/3b241101-e2bb-4255-8caf-4136c566a962", null, null),
            send("GET", "/plugins", null, null),
            send("GET", "/", null, null))) {
      assertJsonError(401, answer);
      assertEquals("Bearer", answer.header("WWW-Authenticate"));
    }
    assertTrue(launcher.sessions().list().isEmpty());
  }

  @Test
  void aUserInNeitherGroupIsRefusedWith403NamingTheGroups() {
    Answer answer = launch("demo", "dave");
    assertJsonError(403, answer);
    String error = answer.json().getString("error");
    assertTrue(error.contains("dave") && error.contains(USER) && error.contains(ADMIN), error);
    assertJsonError(403, send("GET", "/paraview/", null, "dave", "some-other-group"));
    assertTrue(launcher.sessions().list().isEmpty());
  }

  @Test
  void anotherUsersSessionIsNotFoundAsAnUnknownIdIs() {
    String id = launched("demo", "alice", USER);
    Answer unknown = bob("GET", "/paraview/3b241101-e2bb-4255-8caf-4136c566a962");
    Answer others = bob("GET", "/paraview/" + id);
    assertJsonError(404, others);
    assertEquals(
        unknown.body().replace("3b241101-e2bb-4255-8caf-4136c566a962", id),
        others.body(),
        "the same answer as for an id that does not exist");
    assertJsonError(404, bob("DELETE", "/paraview/" + id));
    assertEquals("ready", alice("GET", "/paraview/" + id).json().getString("state"));
  }

  @Test
  void anAdminSeesAndStopsEverySession() {
    String id = launched("demo", "alice", USER);
    Answer seen = carol("GET", "/paraview/" + id);
    assertEquals(200, seen.status(), seen.body());
    Answer stopped = carol("DELETE", "/paraview/" + id);
    assertEquals(200, stopped.status(), stopped.body());
    assertEquals("ended", alice("GET", "/paraview/" + id).json().getString("state"));
  }

  @Test
  void preferRespondAsyncAnswers202AtOnceAndTheSessionIsFollowedByGet() {
    HttpRequest request =
        Http.request(launcher.uri("/paraview/"))
            .header(TestIdentity.USER, "alice")
            .header(TestIdentity.GROUPS, USER)
            .header("Prefer", "wait=10, respond-async")
            .POST(HttpRequest.BodyPublishers.ofString("{\"application\": \"slow\"}"))
            .build();
    long started = System.nanoTime();
    Answer accepted = http.send(request);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(202, accepted.status(), accepted.body());
    assertEquals("respond-async", accepted.header("Preference-Applied"));
    String id = accepted.json().getString("id");
    assertEquals("starting", accepted.json().getString("state"));
    assertTrue(
        accepted.header("Location").endsWith("/paraview/" + id), accepted.header("Location"));
    // "slow" is never ready: a blocking POST would have waited for the 20 s timeout.
    assertTrue(millis < 10_000, "answered after " + millis + " ms");
    assertEquals("starting", alice("GET", "/paraview/" + id).json().getString("state"));
    assertJsonError(404, bob("GET", "/paraview/" + id));

    HttpRequest demo =
        Http.request(launcher.uri("/paraview/"))
            .header(TestIdentity.USER, "alice")
            .header(TestIdentity.GROUPS, USER)
            .header("Prefer", "respond-async")
            .POST(HttpRequest.BodyPublishers.ofString("{\"application\": \"demo\"}"))
            .build();
    Answer demoAccepted = http.send(demo);
    String demoId = demoAccepted.json().getString("id");
    Waits.until(
        "the demo session ready",
        Duration.ofSeconds(20),
        () -> alice("GET", "/paraview/" + demoId).json().getString("state").equals("ready"));
  }

  @Test
  void theDashboardsStreamIsForAdminsOnly() {
    Answer refused = send("GET", "/admin/events", null, "alice", USER);
    assertJsonError(403, refused);
    assertTrue(refused.json().getString("error").contains("alice"), refused.body());
  }

  @Test
  void aSessionsLogIsItsOwnersAndTheAdminsAndBounded() {
    String id = launched("demo", "alice", USER);
    Answer own = alice("GET", "/paraview/" + id + "/log");
    assertEquals(200, own.status(), own.body());
    assertTrue(own.contentType().startsWith("text/plain"), own.contentType());
    assertTrue(own.body().contains(DemoApp.READY_LINE), own.body());
    assertEquals(200, carol("GET", "/paraview/" + id + "/log").status());
    assertJsonError(404, bob("GET", "/paraview/" + id + "/log"));
    Answer tail = alice("GET", "/paraview/" + id + "/log?bytes=5");
    assertEquals(200, tail.status(), tail.body());
    assertTrue(tail.body().length() <= 5, tail.body());
    for (String bad : List.of("0", "-1", "abc", "2000000")) {
      Answer refused = alice("GET", "/paraview/" + id + "/log?bytes=" + bad);
      assertJsonError(400, refused);
      assertTrue(refused.json().getString("error").contains("bytes"), refused.body());
    }
  }

  @Test
  void theListingShowsTheCallersSessionsAndAnAdminsShowsAllWithOwners() {
    String ofAlice = launched("demo", "alice", USER);
    String ofBob = launched("demo", "bob", USER);

    JsonObject alices = alice("GET", "/paraview/").json();
    assertEquals("alice", alices.getString("user"));
    assertFalse(alices.getBoolean("admin"));
    assertEquals(Set.of(ofAlice), ids(alices));

    JsonObject all = carol("GET", "/paraview/").json();
    assertTrue(all.getBoolean("admin"));
    assertEquals(Set.of(ofAlice, ofBob), ids(all));
    Map<String, String> owners =
        all.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(s -> s.getString("id"), s -> s.getString("owner")));
    assertEquals(Map.of(ofAlice, "alice", ofBob, "bob"), owners);
  }

  private static Set<String> ids(JsonObject listing) {
    return listing.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
        .map(session -> session.getString("id"))
        .collect(Collectors.toSet());
  }

  @Test
  void theSecretIsInThePostAnswerAndTheOwnersGetOnly() throws IOException {
    Answer created = launch("demo", "alice", USER);
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    String secret = created.json().getString("secret");
    assertFalse(secret.isBlank(), created.body());

    assertEquals(secret, alice("GET", "/paraview/" + id).json().getString("secret"));
    for (Answer without :
        List.of(
            carol("GET", "/paraview/" + id),
            alice("GET", "/paraview/"),
            carol("GET", "/paraview/"),
            carol("DELETE", "/paraview/" + id))) {
      assertEquals(200, without.status(), without.body());
      assertFalse(without.body().contains(secret), without.body());
    }
    assertFalse(read(launcher.json().proxyFile()).contains(secret), "proxy file");
    assertFalse(read(auditFile()).contains(secret), "audit trail");
    try (var logs = Files.list(launcher.json().logDir())) {
      for (Path log : logs.toList()) {
        if (!log.equals(auditFile())) {
          // The session's own log is its program's; the launcher writes nothing else there.
          assertFalse(
              log.getFileName().toString().endsWith(".txt") && !log.toString().contains(id),
              "an unexpected log " + log);
        }
      }
    }
  }

  @Test
  void oneUserCannotTakeEverySlot() {
    launched("demo", "alice", USER);
    launched("demo", "alice", USER);
    Answer third = launch("demo", "alice", USER);
    assertJsonError(429, third);
    assertEquals("5", third.header("Retry-After"));
    String error = third.json().getString("error");
    assertTrue(error.contains("max_sessions_per_user") && error.contains("alice"), error);
    assertEquals(2, launcher.sessions().list().size(), "nothing started for the refused one");
    launched("demo", "bob", USER);
  }

  @Test
  void anApplicationsOwnPerUserLimitReplacesTheLaunchers() {
    launched("single", "alice", USER);
    Answer second = launch("single", "alice", USER);
    assertJsonError(429, second);
    assertTrue(
        second.json().getString("error").contains("apps.single.max_sessions_per_user"),
        second.body());
    launched("demo", "alice", USER);
  }

  @Test
  void aLicensedApplicationIsLaunchedOnlyByItsGroup() {
    Answer refused = launch("licensed", "alice", USER);
    assertJsonError(403, refused);
    assertTrue(refused.json().getString("error").contains("'licensed'"), refused.body());
    launched("licensed", "erin", USER, "licensed-users");
    Answer admin = launch("licensed", "carol", ADMIN);
    assertJsonError(403, admin);
  }

  @Test
  void sessionsStartingAtOnceAreLimitedForTheWholeServer() {
    List<String> ids = new ArrayList<>();
    // Asked without waiting: "slow" never becomes ready, so both stay starting.
    List<Thread> starts = new ArrayList<>();
    for (String user : List.of("alice", "bob")) {
      Thread start = new Thread(() -> launch("slow", user, USER), "launch-slow-" + user);
      start.start();
      starts.add(start);
    }
    Waits.until(
        "two sessions starting",
        Duration.ofSeconds(20),
        () -> launcher.sessions().list().size() == 2);
    Answer third = launch("demo", "erin", USER);
    assertJsonError(429, third);
    assertTrue(third.json().getString("error").contains("max_starting"), third.body());
    launcher.sessions().list().forEach(session -> ids.add(session.id().toString()));
    ids.forEach(id -> carol("DELETE", "/paraview/" + id));
    starts.forEach(
        thread -> {
          try {
            thread.join(30_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    launched("demo", "erin", USER);
  }

  @Test
  void theUserTemplateVariableIsTheOwnerAndARequestCannotSetIt() {
    Answer answer =
        send(
            "POST",
            "/paraview/",
            "{\"application\": \"demo\", \"user\": \"carol\"}",
            "alice",
            USER);
    assertEquals(200, answer.status(), answer.body());
    var session = launcher.sessions().find(parse(answer.json().getString("id"))).orElseThrow();
    assertEquals("/data/alice", session.data().get("folder"));
    assertEquals("alice", session.owner());
  }

  private static io.sessionlauncher.model.SessionId parse(String id) {
    return io.sessionlauncher.model.SessionId.parse(id).orElseThrow();
  }

  @Test
  void theAuditTrailHasOneLinePerStartStopEndAndRefusal() throws IOException {
    Path audit = auditFile();
    long before = lines(audit).size();
    String id = launched("demo", "alice", USER);
    assertJsonError(403, launch("demo", "dave"));
    carol("DELETE", "/paraview/" + id);
    Waits.until(
        "four more audit lines", Duration.ofSeconds(10), () -> lines(audit).size() >= before + 4);
    List<JsonObject> added =
        lines(audit).subList((int) before, lines(audit).size()).stream()
            .map(line -> jakarta.json.Json.createReader(new StringReader(line)).readObject())
            .toList();
    assertEquals(
        List.of("start alice ready", "refused dave forbidden", "stop carol stopped"),
        added.stream()
            .filter(line -> !line.getString("action").equals("end"))
            .map(
                line ->
                    line.getString("action")
                        + " "
                        + line.getString("user")
                        + " "
                        + line.getString("outcome"))
            .toList());
    JsonObject end =
        added.stream().filter(line -> line.getString("action").equals("end")).findFirst().get();
    assertEquals(id, end.getString("sessionId"));
    assertEquals("alice", end.getString("user"));
    assertEquals("stopped", end.getString("outcome"));
    assertTrue(added.get(0).containsKey("time") && added.get(0).get("time") != JsonValue.NULL);
    if (Files.getFileStore(audit).supportsFileAttributeView("posix")) {
      assertEquals(
          "rw-------",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(audit)));
    }
  }

  private static Path auditFile() {
    return launcher.config().configuration().access().auditFile();
  }

  private static List<String> lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
