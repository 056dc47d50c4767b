package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.os.TcpConnections;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.AppLimits;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enforces what only the passing of time reveals, once per sweep interval: a session past its
 * application's {@code max_lifetime}, one nobody has been connected to for its {@code
 * idle_timeout}, a product without exit notification that stopped answering, and session logs older
 * than {@code log_retention} after their session ended.
 */
final class SessionSweeper implements Runnable {
  private static final Logger LOG = Logger.getLogger(SessionSweeper.class.getName());
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(1);

  private final SessionManager manager;
  private final LauncherConfig config;
  private final Clock clock;
  private volatile boolean stopped;
  private volatile Thread thread;

  SessionSweeper(SessionManager manager, LauncherConfig config, Clock clock) {
    this.manager = manager;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    long interval = config.configuration().supervision().sweepInterval().toNanos();
    while (!stopped) {
      try {
        sweep();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Session sweep failed", e);
      }
      LockSupport.parkNanos(this, interval);
    }
  }

  void stop() {
    stopped = true;
    Thread running = thread;
    if (running != null) {
      LockSupport.unpark(running);
    }
  }

  void sweep() {
    Instant now = clock.instant();
    Set<Integer> connected = null;
    for (LiveSession session : manager.liveSessions()) {
      Session snapshot = session.snapshot();
      if (snapshot.state() != SessionState.READY) {
        continue;
      }
      AppLimits limits =
          config.app(snapshot.application()).map(AppConfig::limits).orElse(AppLimits.NONE);
      if (connected == null && limits.idleTimeout() != null && TcpConnections.available()) {
        connected = TcpConnections.establishedPorts();
      }
      EndCause cause = dueEnd(session, snapshot, limits, now, connected);
      if (cause != null) {
        LOG.info(
            () -> "Ending session " + snapshot.id() + ": " + cause.name().toLowerCase(Locale.ROOT));
        manager.endLater(session, cause);
      }
    }
    removeOldLogs(now);
    manager.forgetOldEnded();
  }

  private EndCause dueEnd(
      LiveSession session,
      Session snapshot,
      AppLimits limits,
      Instant now,
      Set<Integer> connected) {
    if (limits.maxLifetime() != null
        && snapshot.createdAt().plus(limits.maxLifetime()).isBefore(now)) {
      return EndCause.LIFETIME;
    }
    if (limits.idleTimeout() != null && connected != null) {
      if (connected.contains(snapshot.resource().port())) {
        session.touch(now);
      } else if (session.lastActive().plus(limits.idleTimeout()).isBefore(now)) {
        return EndCause.IDLE;
      }
    }
    if (session.launcher().onExit().isEmpty() && !session.launcher().check(CHECK_TIMEOUT)) {
      return EndCause.EXITED;
    }
    return null;
  }

  private void removeOldLogs(Instant now) {
    Duration retention = config.configuration().supervision().logRetention();
    Path logDir = config.configuration().logDir();
    if (retention == null || !Files.isDirectory(logDir)) {
      return;
    }
    Instant limit = now.minus(retention);
    try (DirectoryStream<Path> logs = Files.newDirectoryStream(logDir, "*.txt")) {
      for (Path log : logs) {
        String name = log.getFileName().toString();
        boolean sessionLog =
            SessionId.parse(name.substring(0, name.length() - 4))
                .filter(id -> !manager.isLive(id))
                .isPresent();
        if (sessionLog && Files.getLastModifiedTime(log).toInstant().isBefore(limit)) {
          Files.deleteIfExists(log);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot remove old session logs in " + logDir, e);
    }
  }
}
