package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.concurrent.BackgroundTasks;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.Supervision;
import io.sessionlauncher.spi.LaunchContext;
import java.nio.file.Path;

/**
 * The {@link LaunchContext} of a session's plugin: the same at its start and when a restarted
 * launcher adopts it.
 */
final class SessionContexts {
  private SessionContexts() {}

  /**
   * @param resource the pair the product must listen on, or {@code null} when adopting
   */
  static LaunchContext of(
      LauncherConfig config, SessionId id, HostPort resource, BackgroundTasks tasks) {
    Supervision supervision = config.configuration().supervision();
    return new LaunchContext(
        id.toString(),
        resource,
        SessionLogs.of(config, id),
        workingDir(config),
        supervision.stopGrace(),
        supervision.maxLogBytes(),
        tasks::executeLongRunning);
  }

  /**
   * Sessions start in the configuration file's folder, so relative paths in {@code cmd} mean what
   * they meant to the Python launcher started next to its file.
   */
  private static Path workingDir(LauncherConfig config) {
    Path source = config.source();
    return source == null ? null : source.toAbsolutePath().getParent();
  }
}
