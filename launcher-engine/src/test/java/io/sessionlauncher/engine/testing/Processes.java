package io.sessionlauncher.engine.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Checks on operating-system processes. An orphaned grandchild is re-parented to PID 1, which may
 * reap it only after a moment; until then Java reports it alive, so every check here waits, with a
 * bound, rather than looking once.
 */
public final class Processes {
  /** How long a process that was killed may take to disappear. */
  public static final Duration GONE_WITHIN = Duration.ofSeconds(10);

  private Processes() {}

  /** The root and its live descendants, root first. */
  public static List<ProcessHandle> tree(ProcessHandle root) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    root.descendants().forEach(tree::add);
    return tree;
  }

  /** Handles of those pids that still name a live process (pids of processes gone are left out). */
  public static List<ProcessHandle> handles(Collection<Long> pids) {
    List<ProcessHandle> handles = new ArrayList<>();
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(handles::add);
    }
    return handles;
  }

  /** Fails unless every one of the processes is gone within {@link #GONE_WITHIN}. */
  public static void assertAllGone(Collection<ProcessHandle> processes) {
    List<ProcessHandle> alive = awaitGone(processes, GONE_WITHIN);
    if (!alive.isEmpty()) {
      fail("still alive: " + describe(alive));
    }
  }

  /** Fails unless no process of these pids is alive within {@link #GONE_WITHIN}. */
  public static void assertPidsGone(Collection<Long> pids) {
    if (pids.isEmpty()) {
      fail("no pids to check: the child did not record any");
    }
    assertAllGone(handles(pids));
  }

  /**
   * Whether the process of that pid still runs now. A zombie does not: it has ended and only waits
   * for its parent (init, for an orphan) to reap it, which some machines do seconds later.
   */
  public static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !isZombie(pid);
  }

  private static boolean isZombie(long pid) {
    try {
      String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Waits for the processes to end, at most {@code limit} in all.
   *
   * @return the ones still alive then
   */
  public static List<ProcessHandle> awaitGone(Collection<ProcessHandle> processes, Duration limit) {
    List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
    for (ProcessHandle process : processes) {
      exits.add(process.onExit());
    }
    try {
      CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
          .get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Reported below as the processes still alive.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return processes.stream().filter(p -> isAlive(p.pid())).collect(Collectors.toList());
  }

  /** Kills the processes and their descendants with SIGKILL and waits for them, within a bound. */
  public static List<ProcessHandle> killAndWait(Collection<ProcessHandle> processes) {
    List<ProcessHandle> all = new ArrayList<>();
    for (ProcessHandle process : processes) {
      if (process.isAlive()) {
        all.addAll(tree(process));
      }
    }
    all.forEach(ProcessHandle::destroyForcibly);
    return awaitGone(all, GONE_WITHIN);
  }

  /** The pids a child wrote into {@code file}, one a line; none when the file does not exist. */
  public static List<Long> readPids(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<Long> pids = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String text = line.trim();
        if (!text.isEmpty()) {
          pids.add(Long.parseLong(text));
        }
      }
      return pids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code file} lists at least {@code count} pids, and returns them. */
  public static List<Long> awaitPids(Path file, int count) {
    return Waits.value(
        () -> count + " pids in " + file + ", found " + readPids(file),
        Duration.ofSeconds(10),
        () -> {
          List<Long> pids = readPids(file);
          return pids.size() >= count ? Optional.of(pids) : Optional.empty();
        });
  }

  static String describe(Collection<ProcessHandle> processes) {
    return processes.stream()
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(p.info().command().orElse("?")))
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
