package io.sessionlauncher.engine.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process and every descendant: SIGTERM to all, then SIGKILL to whatever is left after the
 * grace period. The tree is read before the first signal, because once a parent dies its children
 * are re-parented and no longer show as its descendants; members of the process's group are taken
 * too, which finds children whose parent died earlier.
 */
public final class ProcessTree {
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private ProcessTree() {}

  /**
   * Stops the tree rooted at {@code root} and returns once it is gone, or after the grace period
   * plus a few seconds if the kernel does not let go (an unkillable process in disk sleep).
   *
   * @return whether every process of the tree is gone
   */
  public static boolean stop(ProcessHandle root, Duration grace) {
    Map<Long, ProcessHandle> tree = collect(List.of(root));
    tree.values().forEach(ProcessHandle::destroy);
    if (awaitExit(tree.values(), grace)) {
      return true;
    }
    // Children may have forked during the grace period; take them too.
    Map<Long, ProcessHandle> left = collect(alive(tree.values()));
    left.values().forEach(ProcessHandle::destroyForcibly);
    return awaitExit(left.values(), KILL_WAIT);
  }

  /** The given processes and all their live descendants, by pid. */
  private static Map<Long, ProcessHandle> collect(List<ProcessHandle> roots) {
    Map<Long, ProcessHandle> tree = new LinkedHashMap<>();
    for (ProcessHandle root : roots) {
      tree.put(root.pid(), root);
      root.descendants().forEach(child -> tree.put(child.pid(), child));
      for (ProcessHandle member : ProcessGroup.members(root)) {
        tree.put(member.pid(), member);
        member.descendants().forEach(child -> tree.put(child.pid(), child));
      }
    }
    return tree;
  }

  private static List<ProcessHandle> alive(Iterable<ProcessHandle> handles) {
    List<ProcessHandle> alive = new ArrayList<>();
    for (ProcessHandle handle : handles) {
      if (handle.isAlive()) {
        alive.add(handle);
      }
    }
    return alive;
  }

  private static boolean awaitExit(Iterable<ProcessHandle> handles, Duration limit) {
    List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
    for (ProcessHandle handle : handles) {
      exits.add(handle.onExit());
    }
    try {
      CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
          .get(limit.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return alive(handles).isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return alive(handles).isEmpty();
    }
  }
}
