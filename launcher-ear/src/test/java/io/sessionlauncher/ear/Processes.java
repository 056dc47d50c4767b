package io.sessionlauncher.ear;

import io.sessionlauncher.testing.Waits;
import java.time.Duration;
import java.util.List;

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
    Waits.holdsWithin(limit, () -> demoOnPort(port).isEmpty());
    return demoOnPort(port);
  }
}
