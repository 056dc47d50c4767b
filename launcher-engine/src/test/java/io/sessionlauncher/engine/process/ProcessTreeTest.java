package io.sessionlauncher.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.testing.Await;
import io.sessionlauncher.engine.testing.ChildProcessGuard;
import io.sessionlauncher.engine.testing.Processes;
import io.sessionlauncher.engine.testing.Scripts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a whole process tree with real processes: SIGTERM first, SIGKILL after the grace. */
class ProcessTreeTest {
  @RegisterExtension final ChildProcessGuard guard = new ChildProcessGuard();

  @TempDir Path dir;

  /** Starts the script and waits until it and its {@code children} sleepers have recorded pids. */
  private List<ProcessHandle> startTree(Scripts script, Path pids, int children)
      throws IOException {
    guard.trackPidFile(pids);
    Process process =
        guard.track(
            new ProcessBuilder(script.argv())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start());
    List<Long> recorded = Processes.awaitPids(pids, 1 + children);
    List<ProcessHandle> tree = Processes.handles(recorded);
    assertEquals(1 + children, tree.size(), "tree " + recorded);
    assertEquals(process.pid(), recorded.get(0));
    Await.until(
        Duration.ofSeconds(5),
        () -> process.toHandle().descendants().count() >= children,
        "the sleepers show as descendants");
    return tree;
  }

  @Test
  void stopsAShellAndItsGrandchildren() throws IOException {
    Path pids = dir.resolve("pids");
    List<ProcessHandle> tree =
        startTree(Scripts.sh().recordPid(pids).forkSleepers(2, pids).waitForChildren(), pids, 2);
    ProcessHandle root = tree.get(0);

    boolean stopped = ProcessTree.stop(root, Duration.ofSeconds(10));

    assertTrue(stopped);
    // Stopped means no longer running; an orphan's zombie is reaped by init a moment later.
    Processes.assertAllGone(tree);
  }

  @Test
  void theRootEndsBySigtermWhenItHonoursIt() throws Exception {
    Path pids = dir.resolve("pids");
    Process process =
        guard.track(new ProcessBuilder(Scripts.sh().recordPid(pids).stayAlive().argv()).start());
    Processes.awaitPids(pids, 1);

    assertTrue(ProcessTree.stop(process.toHandle(), Duration.ofSeconds(10)));

    assertTrue(process.waitFor(5, TimeUnit.SECONDS));
    assertEquals(128 + 15, process.exitValue(), "terminated by SIGTERM");
  }

  @Test
  void aTreeIgnoringSigtermIsKilledAfterTheGracePeriod() throws Exception {
    Path pids = dir.resolve("pids");
    List<ProcessHandle> tree =
        startTree(
            Scripts.sh().ignoreTerm().recordPid(pids).forkSleepers(1, pids).waitForChildren(),
            pids,
            1);
    Duration grace = Duration.ofMillis(800);

    long start = System.nanoTime();
    boolean stopped = ProcessTree.stop(tree.get(0), grace);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertTrue(stopped);
    assertTrue(tookMillis >= grace.toMillis() - 50, "took " + tookMillis + " ms, before the grace");
    assertTrue(tookMillis < grace.toMillis() + 8_000, "took " + tookMillis + " ms");
    Processes.assertAllGone(tree);
  }

  @Test
  void theKilledRootReportsSigkill() throws Exception {
    Path pids = dir.resolve("pids");
    Process process =
        guard.track(
            new ProcessBuilder(Scripts.sh().ignoreTerm().recordPid(pids).stayAlive().argv())
                .start());
    Processes.awaitPids(pids, 1);

    assertTrue(ProcessTree.stop(process.toHandle(), Duration.ofMillis(300)));

    assertTrue(process.waitFor(5, TimeUnit.SECONDS));
    assertEquals(128 + 9, process.exitValue(), "killed by SIGKILL");
  }

  @Test
  void stoppingAProcessThatHasEndedReturnsAtOnce() throws Exception {
    Process process = guard.track(new ProcessBuilder(Scripts.sh().exit(0).argv()).start());
    assertTrue(process.waitFor(5, TimeUnit.SECONDS));

    long start = System.nanoTime();
    assertTrue(ProcessTree.stop(process.toHandle(), Duration.ofSeconds(10)));
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
  }

  /** Starts the script with {@code marker} in its environment, as the launcher starts a session. */
  private Process startMarked(Scripts script, SessionMarker marker) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(script.argv())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile());
    builder.environment().put(SessionMarker.VARIABLE, marker.value());
    return guard.track(builder.start());
  }

  private static SessionMarker newMarker() {
    return SessionMarker.of(UUID.randomUUID().toString());
  }

  @Test
  void processesThatLeftTheTreeAndTheGroupAreFoundByTheirMarker() throws IOException {
    Path pids = guard.trackPidFile(dir.resolve("pids"));
    SessionMarker marker = newMarker();
    Process process =
        startMarked(
            Scripts.sh()
                .recordPid(pids)
                .detachSleeper(pids)
                .daemonizeSleeper(pids)
                .waitForChildren(),
            marker);
    List<Long> recorded = Processes.awaitPids(pids, 3);
    // The daemon's parent has exited: it is no longer the script's descendant.
    Await.until(
        Duration.ofSeconds(5),
        () -> process.toHandle().descendants().count() <= 1,
        "the daemon left the script's tree");

    boolean stopped = ProcessTree.stop(process.toHandle(), Duration.ofSeconds(10), marker);

    assertTrue(stopped);
    Processes.assertPidsGone(recorded);
  }

  @Test
  void whatASessionLeftBehindAfterItsProcessEndedIsStoppedByItsMarker() throws Exception {
    Path pids = guard.trackPidFile(dir.resolve("pids"));
    SessionMarker marker = newMarker();
    Process process =
        startMarked(Scripts.sh().daemonizeSleeper(pids).detachSleeper(pids).exit(0), marker);
    List<Long> left = Processes.awaitPids(pids, 2);
    assertTrue(process.waitFor(10, TimeUnit.SECONDS));

    assertTrue(ProcessTree.stopMarked(marker, Duration.ofSeconds(10)));

    Processes.assertPidsGone(left);
  }

  @Test
  void anotherMarkerLeavesAProcessAlone() throws Exception {
    Path pids = guard.trackPidFile(dir.resolve("pids"));
    Process other = startMarked(Scripts.sh().recordPid(pids).stayAlive(), newMarker());
    Processes.awaitPids(pids, 1);

    assertTrue(ProcessTree.stopMarked(newMarker(), Duration.ofSeconds(10)));

    assertTrue(other.isAlive(), "a process of another session was stopped");
    assertTrue(ProcessTree.stop(other.toHandle(), Duration.ofSeconds(10)));
  }
}
