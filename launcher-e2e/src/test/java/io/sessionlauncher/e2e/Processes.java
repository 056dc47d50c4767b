package io.sessionlauncher.e2e;

import io.sessionlauncher.testing.Waits;
import java.time.Duration;
import java.util.List;

/** What the operating system says runs, found by command line, and how to end it for good. */
final class Processes {
  private Processes() {}

  /** Live demo session processes listening on {@code port}. */
  static List<ProcessHandle> demoOnPort(int port) {
    return withCommandLine("demo-session", "--port " + port);
  }

  /** Waits up to {@code limit} for no demo process on the port; returns those still alive. */
  static List<ProcessHandle> awaitNoDemoOnPort(int port, Duration limit) {
    Waits.holdsWithin(limit, () -> demoOnPort(port).isEmpty());
    return demoOnPort(port);
  }

  /** Live processes whose command line contains every one of {@code parts}. */
  static List<ProcessHandle> withCommandLine(String... parts) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(
            p -> {
              String line = p.info().commandLine().orElse("");
              for (String part : parts) {
                if (!line.contains(part)) {
                  return false;
                }
              }
              return true;
            })
        .toList();
  }

  /**
   * Ends {@code processes} and their descendants: SIGTERM, then SIGKILL for what is left after
   * {@code grace}. Returns the processes still alive afterwards (none, normally).
   */
  static List<ProcessHandle> end(List<ProcessHandle> processes, Duration grace) {
    List<ProcessHandle> all =
        processes.stream()
            .flatMap(
                p -> java.util.stream.Stream.concat(p.descendants(), java.util.stream.Stream.of(p)))
            .distinct()
            .toList();
    all.forEach(ProcessHandle::destroy);
    if (!Waits.holdsWithin(grace, () -> all.stream().noneMatch(ProcessHandle::isAlive))) {
      all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      Waits.holdsWithin(grace, () -> all.stream().noneMatch(ProcessHandle::isAlive));
    }
    return all.stream().filter(ProcessHandle::isAlive).toList();
  }
}
