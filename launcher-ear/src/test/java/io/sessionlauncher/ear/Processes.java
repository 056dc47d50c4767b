package io.sessionlauncher.ear;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** What the operating system says runs: demo session processes, found by their command line. */
final class Processes {
  private Processes() {}

  /** Live demo session processes listening on {@code port}. */
  static List<ProcessHandle> demoOnPort(int port) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(
            p -> {
              String line = p.info().commandLine().orElse("");
              return line.contains("demo-session") && line.contains("--port " + port);
            })
        .toList();
  }

  /** Waits up to {@code limit} for no demo process on the port; returns those still alive. */
  static List<ProcessHandle> awaitNoDemoOnPort(int port, Duration limit) {
    Instant end = Instant.now().plus(limit);
    while (!demoOnPort(port).isEmpty() && Instant.now().isBefore(end)) {
      LockSupport.parkNanos(50_000_000L);
    }
    return demoOnPort(port);
  }
}
