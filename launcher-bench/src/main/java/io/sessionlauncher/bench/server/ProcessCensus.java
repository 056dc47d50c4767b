package io.sessionlauncher.bench.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Counts processes the way a leak check must: both the server's live descendants and, since a
 * process whose parent died is re-parented and no longer a descendant, every process on the machine
 * whose command line carries a benchmark mark.
 */
public final class ProcessCensus {
  private final long serverPid;
  private final Predicate<String> marked;

  /**
   * @param serverPid the server JVM
   * @param marked whether a command line is one of the benchmark's session processes
   */
  public ProcessCensus(long serverPid, Predicate<String> marked) {
    this.serverPid = serverPid;
    this.marked = marked;
  }

  /** The server's live descendants. */
  public List<ProcessHandle> children() {
    return ProcessHandle.of(serverPid)
        .map(server -> server.descendants().filter(ProcessHandle::isAlive).toList())
        .orElse(List.of());
  }

  /** Live processes anywhere on the machine with a benchmark mark. */
  public List<ProcessHandle> marked() {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(p -> marked.test(p.info().commandLine().orElse("")))
        .toList();
  }

  /** The server's live child whose command line contains {@code text}, if there is one. */
  public ProcessHandle childWith(String text) {
    return children().stream()
        .filter(p -> p.info().commandLine().orElse("").contains(text))
        .findFirst()
        .orElse(null);
  }

  /**
   * Waits until neither count has anything, or the limit passes.
   *
   * @return how many processes are left, children and marked ones counted once each
   */
  public long awaitNone(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    long left;
    while ((left = leftCount()) > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    return left;
  }

  private long leftCount() {
    return java.util.stream.Stream.concat(children().stream(), marked().stream())
        .mapToLong(ProcessHandle::pid)
        .distinct()
        .count();
  }
}
