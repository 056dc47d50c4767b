package io.sessionlauncher.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.testing.Await;
import io.sessionlauncher.engine.testing.ChildProcessGuard;
import io.sessionlauncher.engine.testing.FakeSession;
import io.sessionlauncher.engine.testing.FreePorts;
import io.sessionlauncher.engine.testing.JavaProgram;
import io.sessionlauncher.engine.testing.Scripts;
import io.sessionlauncher.engine.testing.TestBackgroundTasks;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.SessionStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Starting real processes: readiness by output or by port, the session log, start failures. */
class ProcessStarterTest {
  private static final String READY = "Starting factory";
  private static final Duration WAIT = Duration.ofSeconds(15);

  @RegisterExtension final ChildProcessGuard guard = new ChildProcessGuard();

  @TempDir Path dir;

  private final TestBackgroundTasks tasks = new TestBackgroundTasks();
  private final ProcessStarter starter = new ProcessStarter(tasks);
  private final List<SessionProcess> started = new ArrayList<>();

  @AfterEach
  void stopEverything() {
    try {
      for (SessionProcess process : started) {
        assertTrue(process.stop(), "process tree of " + process.pid() + " did not stop");
      }
    } finally {
      tasks.close();
    }
  }

  private Path log() {
    return dir.resolve("logs").resolve("session.txt");
  }

  private LaunchSpec spec(List<String> argv, String readyLine) {
    return spec(argv, readyLine, new HostPort("127.0.0.1", FreePorts.find()));
  }

  private LaunchSpec spec(List<String> argv, String readyLine, HostPort resource) {
    return new LaunchSpec(argv, null, Map.of(), log(), readyLine, resource, Duration.ofSeconds(2));
  }

  private SessionProcess start(LaunchSpec spec) {
    SessionProcess process = starter.start(spec);
    started.add(process);
    guard.track(process.handle());
    return process;
  }

  private String logText() {
    try {
      return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the process has ended and its output is fully in the log. */
  private void awaitOutputClosed(SessionProcess process) throws Exception {
    process.outputClosed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Test
  void readyWhenTheReadyLineIsPrinted() {
    SessionProcess process =
        start(spec(Scripts.sh().say("booting").say("wslink: " + READY).stayAlive().argv(), READY));

    process.awaitReady(WAIT);

    assertTrue(process.isReady());
    assertTrue(process.handle().isAlive());
  }

  @Test
  void aReadyLineSplitAcrossTwoWritesIsSeenOnceComplete() {
    SessionProcess process =
        start(
            spec(
                Scripts.sh()
                    .sayWithoutNewline("wslink: Starting fa")
                    .pause(Duration.ofMillis(600))
                    .say("ctory")
                    .stayAlive()
                    .argv(),
                READY));

    Await.until(WAIT, () -> logText().contains("Starting fa"), "the first half in the log");
    assertFalse(process.isReady(), "ready on half a line");

    process.awaitReady(WAIT);
    assertTrue(process.isReady());
    assertEquals("wslink: Starting factory\n", logText());
  }

  @Test
  void aReadyLineWithoutLineEndIsSeen() {
    SessionProcess process =
        start(spec(Scripts.sh().sayWithoutNewline("wslink: " + READY).stayAlive().argv(), READY));

    process.awaitReady(WAIT);

    assertTrue(process.isReady());
  }

  @Test
  void aReadyLineOnStderrIsSeen() {
    SessionProcess process = start(spec(Scripts.sh().sayOnStderr(READY).stayAlive().argv(), READY));

    process.awaitReady(WAIT);

    assertTrue(process.isReady());
  }

  @Test
  void theLogGetsStdoutAndStderr() throws Exception {
    SessionProcess process =
        start(spec(Scripts.sh().say("one").sayOnStderr("two").say("three").argv(), READY));

    awaitOutputClosed(process);

    assertEquals("one\ntwo\nthree\n", logText());
  }

  @Test
  void theProcessWritesItsLogItselfAndTheStarterKeepsNoPipe() throws Exception {
    long pipesBefore = pipesOfThisJvm();
    SessionProcess process =
        start(spec(Scripts.sh().say("0123456789abcdef").stayAlive().argv(), READY));
    // At most as many: an earlier test's pipe may close meanwhile, none may open for this one.
    long pipesAfter = pipesOfThisJvm();
    assertTrue(
        pipesAfter <= pipesBefore,
        "pipes held by the launcher: " + pipesBefore + " before the session, " + pipesAfter);

    Await.until(WAIT, () -> logText().equals("0123456789abcdef\n"), "the output in the log");

    // Standard output and error are the log file itself, opened for appending; no pipe to us.
    Path fd1 = Path.of("/proc", Long.toString(process.pid()), "fd", "1");
    Path fd2 = Path.of("/proc", Long.toString(process.pid()), "fd", "2");
    assertEquals(log().toRealPath(), Files.readSymbolicLink(fd1));
    assertEquals(log().toRealPath(), Files.readSymbolicLink(fd2));
    assertEquals("0123456789abcdef\n", process.outputTail());
  }

  private static long pipesOfThisJvm() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(
              fd -> {
                try {
                  return Files.readSymbolicLink(fd).toString().startsWith("pipe:");
                } catch (IOException e) {
                  return false; // closed while listed
                }
              })
          .count();
    }
  }

  @Test
  void withoutALogFileTheReadyLineIsReadFromThePipeAndTheOutputDropped() {
    SessionProcess process =
        start(
            new LaunchSpec(
                Scripts.sh().say("booting").say(READY).stayAlive().argv(),
                null,
                Map.of(),
                null,
                READY,
                new HostPort("127.0.0.1", FreePorts.find()),
                Duration.ofSeconds(2)));

    process.awaitReady(WAIT);

    assertTrue(process.isReady());
    assertEquals("booting\n" + READY + "\n", process.outputTail());
    assertFalse(Files.exists(log()), "no log written");
  }

  @Test
  void theTailIsTheLastTwoKilobytes() throws Exception {
    SessionProcess process =
        start(
            spec(
                Scripts.sh()
                    .step("i=0")
                    .step("while [ $i -lt 1000 ]; do printf '%09d\\n' $i; i=$((i+1)); done")
                    .argv(),
                READY));

    awaitOutputClosed(process);

    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      expected.append(String.format("%09d\n", i));
    }
    assertEquals(expected.toString(), logText());
    assertEquals(expected.substring(expected.length() - 2048), process.outputTail());
  }

  @Test
  void environmentAndWorkingFolderAreApplied() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    LaunchSpec spec =
        new LaunchSpec(
            Scripts.sh().sayEnv("SESSION_TEST_VALUE").step("pwd").argv(),
            work,
            Map.of("SESSION_TEST_VALUE", "from the launcher"),
            log(),
            READY,
            new HostPort("127.0.0.1", 1),
            Duration.ofSeconds(1));
    SessionProcess process = start(spec);

    awaitOutputClosed(process);

    assertEquals("from the launcher\n" + work.toRealPath() + "\n", logText());
  }

  @Test
  void aMissingProgramCannotStart() {
    SessionStartException e =
        assertThrows(
            SessionStartException.class,
            () -> start(spec(List.of(dir.resolve("no-such-program").toString()), READY)));

    assertEquals(SessionStartException.Reason.CANNOT_START, e.reason());
    assertTrue(e.getMessage().contains(dir.resolve("no-such-program").toString()), e.getMessage());
  }

  @Test
  void aMissingWorkingFolderCannotStart() {
    Path missing = dir.resolve("missing");
    LaunchSpec spec =
        new LaunchSpec(
            List.of("/bin/sh", "-c", "exit 0"),
            missing,
            Map.of(),
            log(),
            READY,
            new HostPort("127.0.0.1", 1),
            Duration.ofSeconds(1));

    SessionStartException e = assertThrows(SessionStartException.class, () -> start(spec));

    assertEquals(SessionStartException.Reason.CANNOT_START, e.reason());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void exitingBeforeReadyIsReportedAtOnceWithTheExitCode() {
    SessionProcess process = start(spec(Scripts.sh().say("failing").exit(3).argv(), READY));

    long begin = System.nanoTime();
    SessionStartException e =
        assertThrows(SessionStartException.class, () -> process.awaitReady(Duration.ofSeconds(20)));

    assertTrue(System.nanoTime() - begin < TimeUnit.SECONDS.toNanos(5));
    assertEquals(SessionStartException.Reason.EXITED, e.reason());
    assertTrue(e.getMessage().contains("code 3"), e.getMessage());
    assertFalse(process.isReady());
  }

  @Test
  void noReadyLineWithinTheTimeout() {
    SessionProcess process = start(spec(Scripts.sh().say("working").stayAlive().argv(), READY));
    Duration timeout = Duration.ofMillis(700);

    long begin = System.nanoTime();
    SessionStartException e =
        assertThrows(SessionStartException.class, () -> process.awaitReady(timeout));
    long tookMillis = (System.nanoTime() - begin) / 1_000_000;

    assertEquals(SessionStartException.Reason.TIMEOUT, e.reason());
    assertEquals(SessionStartException.TIMEOUT_MESSAGE, e.getMessage());
    assertTrue(tookMillis >= timeout.toMillis() - 20, "gave up after " + tookMillis + " ms");
    assertTrue(process.handle().isAlive(), "awaitReady does not stop; its caller does");
  }

  @Test
  void withoutReadyLineTheOpenPortMeansReady() throws IOException {
    int port = FreePorts.find();
    SessionProcess process =
        start(
            spec(
                JavaProgram.command(
                    FakeSession.class, "--ready-after", "500", "--listen", Integer.toString(port)),
                null,
                new HostPort("127.0.0.1", port)));

    long begin = System.nanoTime();
    process.awaitReady(WAIT);

    assertTrue(System.nanoTime() - begin >= TimeUnit.MILLISECONDS.toNanos(450));
    assertTrue(process.isReady());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      assertTrue(socket.isConnected());
    }
  }

  @Test
  void withoutReadyLineAProcessThatExitsIsNotReady() {
    int port = FreePorts.find();
    SessionProcess process =
        start(
            spec(
                Scripts.sh().pause(Duration.ofMillis(200)).exit(4).argv(),
                null,
                new HostPort("127.0.0.1", port)));

    SessionStartException e =
        assertThrows(SessionStartException.class, () -> process.awaitReady(WAIT));

    assertEquals(SessionStartException.Reason.EXITED, e.reason());
    assertTrue(e.getMessage().contains("code 4"), e.getMessage());
  }
}
