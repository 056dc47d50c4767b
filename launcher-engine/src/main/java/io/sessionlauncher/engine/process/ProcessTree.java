package io.sessionlauncher.engine.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Stops a process and every descendant: SIGTERM to all, then SIGKILL to whatever is left after the
 * grace period. The tree is read before the first signal, because once a parent dies its children
 * are re-parented and no longer show as its descendants; members of the process's group are taken
 * too, which finds children whose parent died earlier, and, given the session's {@link
 * SessionMarker}, every process carrying it, which finds those that left both tree and group
 * ({@code setsid}, double forks, daemons).
 */
public final class ProcessTree {
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);
  private static final long POLL_NANOS = 5_000_000L;
  private static final long FIRST_POLL_NANOS = 100_000L;

  private ProcessTree() {}

  /**
   * Stops the tree rooted at {@code root} and returns once it is gone, or after the grace period
   * plus a few seconds if the kernel does not let go (an unkillable process in disk sleep).
   *
   * @return whether every process of the tree is gone
   */
  public static boolean stop(ProcessHandle root, Duration grace) {
    return stop(root, grace, null);
  }

  /**
   * Stops the tree rooted at {@code root} and every process carrying {@code marker} (none when it
   * is {@code null}), as {@link #stop(ProcessHandle, Duration)} does.
   *
   * @return whether every process found is gone
   */
  public static boolean stop(ProcessHandle root, Duration grace, SessionMarker marker) {
    return stopAll(() -> collect(root, marker), root, grace, marker);
  }

  /**
   * Stops every process carrying {@code marker}, with their descendants: what is left of a session
   * whose own process is gone (a restarted launcher finds a session ended while it was down).
   *
   * @return whether every process found is gone
   */
  public static boolean stopMarked(SessionMarker marker, Duration grace) {
    return stopAll(() -> collectMarked(marker), null, grace, marker);
  }

  private static boolean stopAll(
      Supplier<Map<Long, ProcessHandle>> finder,
      ProcessHandle root,
      Duration grace,
      SessionMarker marker) {
    try {
      return stopAll(finder, root, grace);
    } finally {
      SessionCgroups.remove(marker);
    }
  }

  private static boolean stopAll(
      Supplier<Map<Long, ProcessHandle>> finder, ProcessHandle root, Duration grace) {
    Map<Long, ProcessHandle> tree = finder.get();
    if (root != null) {
      tree.putIfAbsent(root.pid(), root);
    }
    tree.values().forEach(ProcessHandle::destroy);
    if (awaitExit(tree.values(), grace)) {
      return true;
    }
    // Children may have forked during the grace period; take them too.
    Map<Long, ProcessHandle> left = finder.get();
    for (ProcessHandle handle : alive(tree.values())) {
      left.put(handle.pid(), handle);
    }
    left.values().forEach(ProcessHandle::destroyForcibly);
    return awaitExit(left.values(), KILL_WAIT);
  }

  /**
   * The root, its live descendants, its group's members and the marked processes with theirs, by
   * pid.
   */
  private static Map<Long, ProcessHandle> collect(ProcessHandle root, SessionMarker marker) {
    Map<Long, ProcessHandle> tree = new LinkedHashMap<>();
    tree.put(root.pid(), root);
    // Whatever the session's cgroup holds, however it left the tree, group and marker.
    addHandles(tree, SessionCgroups.members(marker), root.pid());
    Optional<ProcessTable> table = ProcessTable.read(marker);
    if (table.isEmpty()) {
      root.descendants().forEach(child -> tree.put(child.pid(), child));
      return tree;
    }
    addHandles(tree, table.get().tree(root.pid(), ProcessGroup.stillLeads(root)), root.pid());
    return tree;
  }

  private static Map<Long, ProcessHandle> collectMarked(SessionMarker marker) {
    Map<Long, ProcessHandle> found = new LinkedHashMap<>();
    addHandles(found, SessionCgroups.members(marker), -1);
    ProcessTable.read(marker).ifPresent(table -> addHandles(found, table.marked(), -1));
    return found;
  }

  /** Handles of those pids, but never the launcher's own nor {@code skip}, already present. */
  private static void addHandles(Map<Long, ProcessHandle> into, Iterable<Long> pids, long skip) {
    long self = ProcessHandle.current().pid();
    for (long pid : pids) {
      if (pid != skip && pid != self) {
        ProcessHandle.of(pid).ifPresent(handle -> into.put(pid, handle));
      }
    }
  }

  /** Those still running; a zombie has ended, even if its new parent has not reaped it yet. */
  private static List<ProcessHandle> alive(Iterable<ProcessHandle> handles) {
    List<ProcessHandle> alive = new ArrayList<>();
    for (ProcessHandle handle : handles) {
      if (handle.isAlive() && !ProcessGroup.isZombie(handle.pid())) {
        alive.add(handle);
      }
    }
    return alive;
  }

  /**
   * Waits until every process has ended. Polled rather than through {@code onExit}: an orphan is
   * reaped by init only when init gets to it (seconds later on some machines), while it stopped
   * running the moment it became a zombie.
   */
  private static boolean awaitExit(Iterable<ProcessHandle> handles, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    List<ProcessHandle> left = alive(handles);
    // Most processes go within a millisecond of SIGTERM: look again soon, then less often.
    long pause = FIRST_POLL_NANOS;
    while (!left.isEmpty()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(pause * 2, POLL_NANOS);
      if (Thread.currentThread().isInterrupted()) {
        return alive(left).isEmpty();
      }
      left = alive(left);
    }
    return true;
  }
}
