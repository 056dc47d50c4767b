package io.sessionlauncher.arquillian;

import java.util.Optional;

/** What the operating system says runs: session processes, found by their command line. */
final class Sessions {
  private Sessions() {}

  /** The live demo or greeter session process listening on {@code port}, if any. */
  static Optional<ProcessHandle> onPort(int port) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains("--port " + port))
        .findFirst();
  }
}
