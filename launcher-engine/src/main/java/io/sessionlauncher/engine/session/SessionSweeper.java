package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.concurrent.BackgroundTasks;
import io.sessionlauncher.engine.config.ActiveConfig;
import io.sessionlauncher.engine.os.TcpConnections;
import io.sessionlauncher.engine.plugin.BoundedCall;
import io.sessionlauncher.engine.process.LogCap;
import io.sessionlauncher.model.AppLimits;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.model.Supervision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enforces what only the passing of time reveals, once per sweep interval: a session past its
 * application's {@code max_lifetime}, one nobody has been connected to for its {@code idle_timeout}
 * (no connection seen by the kernel or open through the launcher's proxy, and no proxied traffic),
 * a product without exit notification that stopped answering, a session log grown past {@code
 * max_log_size}, and session logs older than {@code log_retention} after their session ended. Runs
 * on the container's managed scheduled executor in a server, on an own scheduler in plain Java.
 */
@ApplicationScoped
public class SessionSweeper {
  private static final Logger LOG = Logger.getLogger(SessionSweeper.class.getName());
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration CHECK_MARGIN = Duration.ofSeconds(1);

  private LauncherConfig config;
  private ActiveConfig active;
  private SessionRegistry registry;
  private SessionEnder ender;
  private BackgroundTasks tasks;
  private Clock clock;
  private Future<?> schedule;

  /** For CDI's proxy. */
  protected SessionSweeper() {}

  @Inject
  public SessionSweeper(
      LauncherConfig config,
      ActiveConfig active,
      SessionRegistry registry,
      SessionEnder ender,
      BackgroundTasks tasks,
      Clock clock) {
    this.config = config;
    this.active = active;
    this.registry = registry;
    this.ender = ender;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** The local ports with an established connection, or {@code null} when they cannot be known. */
  private static Set<Integer> establishedPorts() {
    return TcpConnections.available() ? TcpConnections.establishedPorts() : null;
  }

  /** Sweeps every sweep interval from now on. */
  synchronized void start() {
    if (schedule == null) {
      schedule =
          tasks.scheduleWithFixedDelay(
              this::sweepSafely, config.configuration().supervision().sweepInterval());
    }
  }

  /** Stops sweeping; a sweep under way finishes. */
  synchronized void stop() {
    if (schedule != null) {
      schedule.cancel(false);
      schedule = null;
    }
  }

  /** Whether sweeps are scheduled. */
  public synchronized boolean running() {
    return schedule != null && !schedule.isDone();
  }

  private void sweepSafely() {
    try {
      sweep();
    } catch (RuntimeException e) {
      // Logged, not thrown: an exception would cancel every later sweep.
      LOG.log(Level.WARNING, "Session sweep failed", e);
    }
  }

  /** One sweep, now. */
  void sweep() {
    Instant now = clock.instant();
    Supervision supervision = config.configuration().supervision();
    Set<Integer> connected = null;
    boolean connectedRead = false;
    for (LiveSession session : registry.liveSessions()) {
      Session snapshot = session.snapshot();
      if (snapshot.state() != SessionState.READY) {
        continue;
      }
      capLog(snapshot, supervision.maxLogBytes());
      AppLimits limits = active.limitsOf(snapshot.application());
      if (!connectedRead && limits.idleTimeout() != null) {
        connected = establishedPorts();
        connectedRead = true;
      }
      EndCause cause = dueEnd(session, snapshot, limits, now, connected);
      if (cause != null) {
        LOG.info(
            () -> "Ending session " + snapshot.id() + ": " + cause.name().toLowerCase(Locale.ROOT));
        ender.endLater(session, cause);
      }
    }
    removeOldLogs(now);
    registry.forgetOldEnded();
  }

  private void capLog(Session session, long maxLogBytes) {
    LogCap.enforce(SessionLogs.of(config, session.id()), maxLogBytes);
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
    if (limits.idleTimeout() != null && (connected != null || session.proxiedConnections() > 0)) {
      // An open proxied connection is a connection, wherever the session runs.
      if (session.proxiedConnections() > 0
          || (connected != null && connected.contains(snapshot.resource().port()))) {
        session.touch(now);
      } else if (session.lastActive().plus(limits.idleTimeout()).isBefore(now)) {
        return EndCause.IDLE;
      }
    }
    if (session.launcher().onExit().isEmpty() && !answers(session, snapshot)) {
      return EndCause.EXITED;
    }
    return null;
  }

  /**
   * The plugin's {@code check}, bounded in time: one that hangs or throws counts as a product that
   * stopped answering, and holds neither this sweep nor the other sessions'.
   */
  private boolean answers(LiveSession session, Session snapshot) {
    String call = "Session " + snapshot.id() + ": " + session.runBy() + " check";
    try {
      return BoundedCall.call(
          tasks::executeLongRunning,
          CHECK_TIMEOUT.plus(CHECK_MARGIN),
          call,
          () -> session.launcher().check(CHECK_TIMEOUT));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, call + " failed; the session is ended", e);
      return false;
    }
  }

  private void removeOldLogs(Instant now) {
    Duration retention = config.configuration().supervision().logRetention();
    Path logDir = config.configuration().logDir();
    if (retention == null || !Files.isDirectory(logDir)) {
      return;
    }
    Instant limit = now.minus(retention);
    try (DirectoryStream<Path> logs = Files.newDirectoryStream(logDir, SessionLogs.GLOB)) {
      for (Path log : logs) {
        boolean sessionLog =
            SessionLogs.sessionOf(log).filter(id -> !registry.isLive(id)).isPresent();
        if (sessionLog && Files.getLastModifiedTime(log).toInstant().isBefore(limit)) {
          Files.deleteIfExists(log);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot remove old session logs in " + logDir, e);
    }
  }
}
