package io.sessionlauncher.engine.session;

import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.SessionId;
import java.nio.file.Path;
import java.util.Optional;

/** Where a session's log is: {@code <log_dir>/<id>.txt}, as the reference names it. */
final class SessionLogs {
  private static final String SUFFIX = ".txt";

  /** The session logs in a folder, for {@code Files.newDirectoryStream}. */
  static final String GLOB = "*" + SUFFIX;

  private SessionLogs() {}

  static Path of(LauncherConfig config, SessionId id) {
    return config.configuration().logDir().resolve(id + SUFFIX);
  }

  /** The session a log file belongs to, if its name is a session's log. */
  static Optional<SessionId> sessionOf(Path log) {
    String name = log.getFileName().toString();
    return name.endsWith(SUFFIX)
        ? SessionId.parse(name.substring(0, name.length() - SUFFIX.length()))
        : Optional.empty();
  }
}
