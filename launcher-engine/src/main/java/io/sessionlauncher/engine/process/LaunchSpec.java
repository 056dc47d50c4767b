package io.sessionlauncher.engine.process;

import io.sessionlauncher.model.HostPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything needed to start one session's process, frozen before the start.
 *
 * @param argv the program and its arguments
 * @param workingDir folder to run in, or {@code null} for the launcher's own
 * @param environment variables added to the launcher's environment
 * @param logFile where the process writes its output and errors, or {@code null} to drop them (its
 *     size is kept by the sweeper, which knows {@code max_log_size})
 * @param readyLine text meaning ready, or {@code null} to wait for the port instead
 * @param resource the pair the process is to listen on, or {@code null} if unknown
 * @param stopGrace how long a process has between SIGTERM and SIGKILL
 * @param marker the variable set in the process's environment (over any of {@code environment}) so
 *     that its processes are found wherever they go, or {@code null} for none
 * @param inherited names of the launcher's own environment variables the process gets, or {@code
 *     null} for all of them; {@code environment} and the marker are added in any case
 */
public record LaunchSpec(
    List<String> argv,
    Path workingDir,
    Map<String, String> environment,
    Path logFile,
    String readyLine,
    HostPort resource,
    Duration stopGrace,
    SessionMarker marker,
    Set<String> inherited) {
  public LaunchSpec {
    argv = List.copyOf(argv);
    environment = Map.copyOf(environment);
    inherited = inherited == null ? null : Set.copyOf(inherited);
    Objects.requireNonNull(stopGrace, "stopGrace");
  }

  /**
   * A spec without a marker (the process is found by its tree and group only) inheriting the whole
   * environment.
   */
  public LaunchSpec(
      List<String> argv,
      Path workingDir,
      Map<String, String> environment,
      Path logFile,
      String readyLine,
      HostPort resource,
      Duration stopGrace) {
    this(argv, workingDir, environment, logFile, readyLine, resource, stopGrace, null, null);
  }
}
