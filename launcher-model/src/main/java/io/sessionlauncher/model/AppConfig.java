package io.sessionlauncher.model;

import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code apps}: how to start a session of this application.
 *
 * @param name the key under {@code apps}, as clients name it in {@code "application"}
 * @param cmd argument templates, one element per argument; never run through a shell
 * @param readyLine text whose appearance in the output means ready, or {@code null} to wait for the
 *     port to accept connections
 */
public record AppConfig(String name, List<String> cmd, String readyLine) {
  public AppConfig {
    Objects.requireNonNull(name, "name");
    cmd = List.copyOf(cmd);
    if (cmd.isEmpty()) {
      throw new IllegalArgumentException("cmd of " + name + " is empty");
    }
    if (readyLine != null && readyLine.isEmpty()) {
      readyLine = null;
    }
  }

  /** Whether readiness is told by a line of output rather than by the port. */
  public boolean hasReadyLine() {
    return readyLine != null;
  }
}
