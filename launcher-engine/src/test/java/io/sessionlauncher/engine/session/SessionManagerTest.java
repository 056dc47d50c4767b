package io.sessionlauncher.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.testing.Await;
import io.sessionlauncher.engine.testing.ChildProcessGuard;
import io.sessionlauncher.engine.testing.Engine;
import io.sessionlauncher.engine.testing.FakeSession;
import io.sessionlauncher.engine.testing.FreePorts;
import io.sessionlauncher.engine.testing.JavaProgram;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.engine.testing.Processes;
import io.sessionlauncher.engine.testing.Scripts;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.ResourcesExhaustedException;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionNotFoundException;
import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.model.UnknownApplicationException;
import io.sessionlauncher.model.UnresolvedVariableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions end to end with real child processes: the engine's beans wired by hand around a
 * launcher.json in a temporary folder, on free loopback ports.
 */
class SessionManagerTest {
  private static final String READY = "Starting factory";
  private static final Duration SOON = Duration.ofSeconds(5);

  @RegisterExtension final ChildProcessGuard guard = new ChildProcessGuard();

  @TempDir Path dir;

  private Path pids;
  private int firstPort;
  private Engine engine;

  @BeforeEach
  void trackPids() {
    pids = guard.trackPidFile(dir.resolve("pids"));
  }

  @AfterEach
  void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  /** A configuration with {@code ports} free loopback ports, a 20 s timeout and 2 s of grace. */
  private LauncherJson config(int ports) {
    firstPort = FreePorts.range(ports);
    return LauncherJson.in(dir)
        .resource("127.0.0.1", firstPort, firstPort + ports - 1)
        .timeout(20)
        .stopGrace(2);
  }

  private SessionManager start(LauncherJson json) {
    engine = new Engine(json.load());
    return engine.sessions();
  }

  /** The script as a cmd, with {@code $1} the session's port and {@code $2} its id. */
  private static List<String> cmd(Scripts script) {
    List<String> cmd = new ArrayList<>(script.template());
    cmd.addAll(List.of("session-script", "${port}", "${id}"));
    return cmd;
  }

  private static LaunchRequest request(String application, Object... keyValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("application", application);
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new LaunchRequest(application, values, "tester");
  }

  private HostPort port(int index) {
    return new HostPort("127.0.0.1", firstPort + index);
  }

  private String log(SessionId id) {
    Path file = engine.config().configuration().logDir().resolve(id + ".txt");
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The session logs: the audit trail shares their folder. */
  private List<String> logFiles() {
    Path logs = engine.config().configuration().logDir();
    if (!Files.isDirectory(logs)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(logs)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".txt"))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The id of the only session that was tried, read from its log's name. */
  private SessionId onlyLoggedSession() {
    List<String> files = logFiles();
    assertEquals(1, files.size(), "log files " + files);
    return SessionId.parse(files.get(0).replace(".txt", "")).orElseThrow();
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** No process that the session's children recorded is alive, right now. */
  private void assertNoRecordedProcessAlive() {
    List<Long> recorded = Processes.readPids(pids);
    assertFalse(recorded.isEmpty(), "the children recorded no pid");
    List<Long> alive = recorded.stream().filter(Processes::isAlive).collect(Collectors.toList());
    assertEquals(List.of(), alive, "still alive");
  }

  private void assertNothingLeft(SessionManager sessions) {
    assertEquals(List.of(), sessions.list());
    assertEquals(engine.pool().size(), engine.pool().available(), "every pair back in the pool");
    assertEquals("", engine.proxy().read());
  }

  @Test
  void readyLineAfterADelayGivesAReadySessionWithWhereToConnect() {
    SessionManager sessions =
        start(
            config(2)
                .app(
                    "viz",
                    cmd(
                        Scripts.sh()
                            .recordPid(pids)
                            .step("echo \"session $2 on port $1\"")
                            .pause(Duration.ofMillis(300))
                            .say("wslink: " + READY)
                            .stayAlive()),
                    READY));

    long begin = System.nanoTime();
    Session session = sessions.create(request("viz"));
    long took = millisSince(begin);

    assertTrue(took >= 300, "ready after " + took + " ms, before the ready line");
    assertTrue(took < 10_000, "ready only after " + took + " ms");
    assertEquals(SessionState.READY, session.state());
    assertEquals("viz", session.application());
    assertEquals("tester", session.owner());
    assertEquals(port(0), session.resource());
    assertNull(session.endCause());
    Map<String, Object> data = session.data();
    assertEquals(session.id().toString(), data.get("id"));
    assertEquals("ws://127.0.0.1:" + firstPort + "/ws", data.get("sessionURL"));
    assertEquals("127.0.0.1", data.get("host"));
    assertEquals(firstPort, data.get("port"));

    assertEquals(List.of(session), sessions.list());
    assertEquals(Optional.of(session), sessions.find(session.id()));
    assertEquals(engine.pool().size() - 1, engine.pool().available());
    assertEquals(session.id() + " 127.0.0.1:" + firstPort + "\n", engine.proxy().read());
    String expectedLine = "session " + session.id() + " on port " + firstPort;
    Await.until(SOON, () -> log(session.id()).contains(expectedLine), "the log has the output");
    assertTrue(log(session.id()).contains(READY));
  }

  @Test
  void stopRemovesTheProxyLineFreesThePortAndEndsTheWholeTree() {
    SessionManager sessions =
        start(
            config(1)
                .app(
                    "viz",
                    cmd(
                        Scripts.sh()
                            .recordPid(pids)
                            .forkSleepers(2, pids)
                            .say(READY)
                            .waitForChildren()),
                    READY));
    Session session = sessions.create(request("viz"));
    assertEquals(3, Processes.awaitPids(pids, 3).size());
    assertTrue(engine.proxy().read().contains(session.id().toString()));

    Session ended = sessions.stop(session.id());

    assertEquals(SessionState.ENDED, ended.state());
    assertEquals(EndCause.STOPPED, ended.endCause());
    assertEquals(128 + 15, ended.exitCode(), "exit code of the SIGTERM'd shell");
    assertTrue(ended.endedAt() != null && !ended.endedAt().isBefore(ended.createdAt()));
    assertNoRecordedProcessAlive();
    assertNothingLeft(sessions);
    assertEquals(Optional.of(ended), sessions.find(session.id()));
    assertEquals(ended, sessions.stop(session.id()), "stopping again returns the ended session");
    assertEquals(port(0), sessions.create(request("viz")).resource(), "the port is reusable");
  }

  @Test
  void aSessionIgnoringSigtermIsKilledAfterTheGrace() {
    SessionManager sessions =
        start(
            config(1)
                .stopGrace(0.5)
                .app(
                    "stubborn",
                    cmd(
                        Scripts.sh()
                            .ignoreTerm()
                            .recordPid(pids)
                            .forkSleepers(1, pids)
                            .say(READY)
                            .waitForChildren()),
                    READY));
    Session session = sessions.create(request("stubborn"));
    Processes.awaitPids(pids, 2);

    long begin = System.nanoTime();
    Session ended = sessions.stop(session.id());
    long took = millisSince(begin);

    assertTrue(took >= 450, "stopped after " + took + " ms, before the grace");
    assertEquals(EndCause.STOPPED, ended.endCause());
    assertEquals(128 + 9, ended.exitCode(), "exit code of the SIGKILL'd shell");
    assertNoRecordedProcessAlive();
    assertNothingLeft(sessions);
  }

  @Test
  void aSessionRunsInTheConfigurationFilesFolder() throws IOException {
    SessionManager sessions =
        start(
            config(1)
                .app(
                    "viz",
                    cmd(Scripts.sh().recordPid(pids).step("pwd").say(READY).stayAlive()),
                    READY));

    Session session = sessions.create(request("viz"));

    String folder = dir.toRealPath().toString();
    Await.until(SOON, () -> log(session.id()).startsWith(folder + "\n"), () -> log(session.id()));
  }

  @Test
  void aReadyLineWithoutLineEndIsSeen() {
    SessionManager sessions =
        start(
            config(1)
                .app(
                    "trame",
                    cmd(
                        Scripts.sh()
                            .recordPid(pids)
                            .sayWithoutNewline("wslink: " + READY)
                            .stayAlive()),
                    READY));

    long begin = System.nanoTime();
    Session session = sessions.create(request("trame"));

    assertEquals(SessionState.READY, session.state());
    assertTrue(millisSince(begin) < 10_000);
  }

  @Test
  void aReadyLineSplitAcrossTwoWritesIsSeen() {
    SessionManager sessions =
        start(
            config(1)
                .app(
                    "java",
                    JavaProgram.template(
                        FakeSession.class,
                        "--pid-file",
                        pids.toString(),
                        "--ready-line",
                        "wslink: " + READY,
                        "--split",
                        "--no-newline"),
                    READY));

    Session session = sessions.create(request("java"));

    assertEquals(SessionState.READY, session.state());
    Await.until(SOON, () -> log(session.id()).equals("wslink: " + READY), "the whole line logged");
  }

  @Test
  void aSessionThatNeverGetsReadyIsStoppedAtTheTimeout() {
    SessionManager sessions =
        start(
            config(1)
                .timeout(1.5)
                .app(
                    "slow",
                    cmd(Scripts.sh().recordPid(pids).say("still loading").stayAlive()),
                    READY));

    long begin = System.nanoTime();
    SessionStartException e =
        assertThrows(SessionStartException.class, () -> sessions.create(request("slow")));
    long took = millisSince(begin);

    assertEquals(SessionStartException.Reason.TIMEOUT, e.reason());
    assertEquals(SessionStartException.TIMEOUT_MESSAGE, e.getMessage());
    assertTrue(took >= 1450, "gave up after " + took + " ms");
    assertTrue(took < 12_000, "gave up only after " + took + " ms");
    assertNoRecordedProcessAlive();
    assertNothingLeft(sessions);
    SessionId id = onlyLoggedSession();
    assertTrue(log(id).contains("still loading"), log(id));
    // The client never got the id: a session that never got ready is not kept.
    assertTrue(sessions.find(id).isEmpty());
  }

  @Test
  void aProcessExitingBeforeReadyFailsAtOnceNamingTheExitCode() {
    SessionManager sessions =
        start(
            config(1)
                .timeout(20)
                .app("broken", cmd(Scripts.sh().recordPid(pids).say("no licence").exit(3)), READY));

    long begin = System.nanoTime();
    SessionStartException e =
        assertThrows(SessionStartException.class, () -> sessions.create(request("broken")));
    long took = millisSince(begin);

    assertEquals(SessionStartException.Reason.EXITED, e.reason());
    assertTrue(e.getMessage().contains("code 3"), e.getMessage());
    assertTrue(took < 5_000, "reported after " + took + " ms");
    assertNoRecordedProcessAlive();
    assertNothingLeft(sessions);
    assertTrue(sessions.find(onlyLoggedSession()).isEmpty(), "a failed start is not kept");
  }

  @Test
  void aProgramThatDoesNotExistCannotStartAndNothingIsKept() {
    String missing = dir.resolve("bin").resolve("no-such-program").toString();
    SessionManager sessions =
        start(config(2).app("ghost", List.of(missing, "--port", "${port}"), READY));
    int available = engine.pool().available();

    SessionStartException e =
        assertThrows(SessionStartException.class, () -> sessions.create(request("ghost")));

    assertEquals(SessionStartException.Reason.CANNOT_START, e.reason());
    assertTrue(e.getMessage().contains(missing), e.getMessage());
    assertEquals(available, engine.pool().available());
    assertNothingLeft(sessions);
    assertEquals(List.of(), logFiles());
  }

  @Test
  void anUnknownApplicationTakesNothing() {
    SessionManager sessions = start(config(1).app("viz", List.of("/bin/true"), READY));

    UnknownApplicationException e =
        assertThrows(UnknownApplicationException.class, () -> sessions.create(request("vis")));

    assertEquals("vis", e.application());
    assertNothingLeft(sessions);
  }

  @Test
  void anUnresolvedVariableTakesNothingAndStartsNothing() {
    Path started = dir.resolve("started");
    SessionManager sessions =
        start(
            config(1)
                .app(
                    "viz",
                    List.of(
                        "/bin/sh", "-c", "echo started >> " + started, "--load", "${fileToLoad}"),
                    READY));

    UnresolvedVariableException e =
        assertThrows(UnresolvedVariableException.class, () -> sessions.create(request("viz")));

    assertEquals("fileToLoad", e.variable());
    assertNothingLeft(sessions);
    assertFalse(Files.exists(started), "the program was started");
  }

  @Test
  void aCrashAfterReadyIsNoticedAndCleanedUp() {
    SessionManager sessions =
        start(
            config(1)
                .app(
                    "crashing",
                    cmd(
                        Scripts.sh()
                            .recordPid(pids)
                            .say(READY)
                            .pause(Duration.ofMillis(500))
                            .say("segmentation fault")
                            .exit(7)),
                    READY));
    Session session = sessions.create(request("crashing"));
    assertEquals(SessionState.READY, session.state());
    long readyAt = System.nanoTime();

    Session ended =
        Await.value(
            Duration.ofSeconds(5),
            () -> sessions.find(session.id()).filter(s -> s.state() == SessionState.ENDED),
            () -> "the crash noticed; now " + sessions.find(session.id()));
    long noticedAfter = millisSince(readyAt);

    assertTrue(noticedAfter < 2_500, "noticed after " + noticedAfter + " ms");
    assertEquals(EndCause.EXITED, ended.endCause());
    assertEquals(7, ended.exitCode());
    assertNoRecordedProcessAlive();
    assertNothingLeft(sessions);
    assertTrue(log(session.id()).contains("segmentation fault"));
    assertEquals(port(0), sessions.create(request("crashing")).resource(), "the port is reusable");
  }

  @Test
  void theChildrenOfASessionThatCrashedAreStoppedToo() {
    SessionManager sessions =
        start(
            config(1)
                .app(
                    "crashing",
                    cmd(
                        Scripts.sh()
                            .recordPid(pids)
                            .forkSleepers(2, pids)
                            .say(READY)
                            .pause(Duration.ofMillis(300))
                            .exit(7)),
                    READY));
    Session session = sessions.create(request("crashing"));

    Session ended =
        Await.value(
            Duration.ofSeconds(10),
            () -> sessions.find(session.id()).filter(s -> s.state() == SessionState.ENDED),
            () -> "the crash noticed; now " + sessions.find(session.id()));

    assertEquals(EndCause.EXITED, ended.endCause());
    assertEquals(3, Processes.readPids(pids).size());
    assertNoRecordedProcessAlive();
    assertNothingLeft(sessions);
  }

  @Test
  void theChildrenOfASessionThatExitedBeforeReadyAreStoppedToo() {
    SessionManager sessions =
        start(
            config(1)
                .app(
                    "broken",
                    cmd(Scripts.sh().recordPid(pids).forkSleepers(1, pids).exit(3)),
                    READY));

    SessionStartException e =
        assertThrows(SessionStartException.class, () -> sessions.create(request("broken")));

    assertEquals(SessionStartException.Reason.EXITED, e.reason());
    assertEquals(2, Processes.readPids(pids).size());
    assertNoRecordedProcessAlive();
    assertNothingLeft(sessions);
  }

  @Test
  void withoutReadyLineTheSessionIsReadyWhenItsPortAcceptsConnections() throws IOException {
    List<String> cmd =
        new ArrayList<>(
            JavaProgram.template(
                FakeSession.class, "--pid-file", pids.toString(), "--ready-after", "500"));
    cmd.addAll(List.of("--listen", "${port}"));
    SessionManager sessions = start(config(1).app("server", cmd, null));

    long begin = System.nanoTime();
    Session session = sessions.create(request("server"));
    long took = millisSince(begin);

    assertEquals(SessionState.READY, session.state());
    assertTrue(took >= 500, "ready after " + took + " ms, before the port was open");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", session.resource().port()), 2_000);
      assertTrue(socket.isConnected());
    }
    assertEquals(session.id() + " " + session.resource() + "\n", engine.proxy().read());
  }

  @Test
  void withoutReadyLineAPortThatNeverOpensTimesOut() {
    SessionManager sessions =
        start(
            config(1).timeout(1).app("mute", cmd(Scripts.sh().recordPid(pids).stayAlive()), null));

    SessionStartException e =
        assertThrows(SessionStartException.class, () -> sessions.create(request("mute")));

    assertEquals(SessionStartException.Reason.TIMEOUT, e.reason());
    assertNoRecordedProcessAlive();
    assertNothingLeft(sessions);
  }

  @Test
  void whenEveryPortIsTakenTheRequestIsRefusedUntilOneIsFreed() {
    SessionManager sessions =
        start(
            config(1).app("viz", cmd(Scripts.sh().recordPid(pids).say(READY).stayAlive()), READY));
    Session first = sessions.create(request("viz"));

    assertThrows(ResourcesExhaustedException.class, () -> sessions.create(request("viz")));
    assertEquals(List.of(first), sessions.list());

    sessions.stop(first.id());
    Session second = sessions.create(request("viz"));
    assertEquals(first.resource(), second.resource());
    assertNotEquals(first.id(), second.id());
  }

  @Test
  void concurrentCreatesGetDistinctPortsAndAllAppearInTheProxyFile() throws Exception {
    SessionManager sessions =
        start(
            config(3)
                .app(
                    "viz",
                    cmd(
                        Scripts.sh()
                            .recordPid(pids)
                            .pause(Duration.ofMillis(100))
                            .say(READY)
                            .stayAlive()),
                    READY));
    ExecutorService clients = Executors.newFixedThreadPool(3);
    List<Session> created = new ArrayList<>();
    try {
      List<Future<Session>> futures = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        futures.add(clients.submit(() -> sessions.create(request("viz"))));
      }
      for (Future<Session> future : futures) {
        created.add(future.get(20, TimeUnit.SECONDS));
      }
    } finally {
      clients.shutdownNow();
      assertTrue(clients.awaitTermination(10, TimeUnit.SECONDS));
    }

    Set<HostPort> resources = created.stream().map(Session::resource).collect(Collectors.toSet());
    assertEquals(Set.of(port(0), port(1), port(2)), resources);
    Set<String> expectedLines = new HashSet<>();
    created.forEach(s -> expectedLines.add(s.id() + " " + s.resource()));
    assertEquals(expectedLines, Set.of(engine.proxy().read().split("\n")));
  }

  @Test
  void shutdownStopsEverySessionAndEmptiesTheProxyFile() {
    SessionManager sessions =
        start(
            config(2).app("viz", cmd(Scripts.sh().recordPid(pids).say(READY).stayAlive()), READY));
    Session a = sessions.create(request("viz"));
    Session b = sessions.create(request("viz"));
    Processes.awaitPids(pids, 2);
    assertEquals(2, engine.proxy().read().lines().count());

    sessions.shutdown();

    for (Session session : List.of(a, b)) {
      Session ended = sessions.find(session.id()).orElseThrow();
      assertEquals(SessionState.ENDED, ended.state());
      assertEquals(EndCause.SHUTDOWN, ended.endCause());
    }
    assertNoRecordedProcessAlive();
    assertNothingLeft(sessions);
  }

  @Test
  void atStartTheProxyFileHoldsNoStaleLines() throws IOException {
    LauncherJson json = config(1).app("viz", List.of("/bin/true"), READY);
    Files.createDirectories(json.proxyFile().getParent());
    Files.writeString(json.proxyFile(), SessionId.random() + " 127.0.0.1:9001\n");

    start(json);

    assertEquals("", engine.proxy().read());
  }

  @Test
  void aClientSeesTheConfiguredFieldsAndTheSecretOnlyWhenTheCommandUsesIt() {
    SessionManager sessions =
        start(
            config(2)
                .fields("file")
                .sessionData("updir", "/Home")
                .app(
                    "secretive",
                    cmd(Scripts.sh().recordPid(pids).say(READY).stayAlive()).stream()
                        .map(arg -> arg.equals("${id}") ? "--authKey=${secret}" : arg)
                        .collect(Collectors.toList()),
                    READY)
                .app("open", cmd(Scripts.sh().recordPid(pids).say(READY).stayAlive()), READY));

    Session secretive = sessions.create(request("secretive", "file", "a.vtk", "other", "x"));
    Session open = sessions.create(request("open", "file", "b.vtk"));

    List<String> fields = engine.config().configuration().fields();
    Map<String, Object> shown = secretive.publicView(fields);
    assertTrue(secretive.secretShared());
    assertEquals(Set.of("id", "sessionURL", "secret", "file"), shown.keySet());
    assertEquals(secretive.data().get("secret"), shown.get("secret"));
    assertFalse(open.secretShared());
    assertEquals(Set.of("id", "sessionURL", "file"), open.publicView(fields).keySet());
    assertEquals("/Home", open.data().get("updir"));
  }

  @Test
  void stoppingAnUnknownSessionIsRefused() {
    SessionManager sessions = start(config(1).app("viz", List.of("/bin/true"), READY));
    SessionId unknown = SessionId.random();

    SessionNotFoundException e =
        assertThrows(SessionNotFoundException.class, () -> sessions.stop(unknown));

    assertTrue(e.getMessage().contains(unknown.toString()));
    assertEquals(Optional.empty(), sessions.find(unknown));
  }
}
