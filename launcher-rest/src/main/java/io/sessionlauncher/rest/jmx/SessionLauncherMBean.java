package io.sessionlauncher.rest.jmx;

import io.sessionlauncher.engine.audit.AuditTrail;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.reload.ConfigReload;
import io.sessionlauncher.engine.reload.ReloadRefusedException;
import io.sessionlauncher.engine.session.SessionManager;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionNotFoundException;
import io.sessionlauncher.rest.metrics.LaunchMetrics;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The launcher's MBean: reads the engine's registry, pool and counts, and stops sessions through
 * the session manager, each stop in the audit trail with the user {@value #AUDIT_USER}. {@link
 * MBeanRegistration} puts it in the platform MBean server for the application's life.
 */
final class SessionLauncherMBean implements SessionLauncherMXBean {
  /** Who stopped a session, in the audit trail: the server's administrator, through JMX. */
  static final String AUDIT_USER = "jmx";

  private final SessionManager sessions;
  private final ResourcePool pool;
  private final LaunchMetrics launches;
  private final AuditTrail audit;
  private final ConfigReload reload;
  private final Executor tasks;

  SessionLauncherMBean(
      SessionManager sessions,
      ResourcePool pool,
      LaunchMetrics launches,
      AuditTrail audit,
      ConfigReload reload,
      Executor tasks) {
    this.sessions = sessions;
    this.pool = pool;
    this.launches = launches;
    this.audit = audit;
    this.reload = reload;
    this.tasks = tasks;
  }

  @Override
  public int getLiveSessions() {
    return sessions.list().size();
  }

  @Override
  public int getFreeResources() {
    return pool.available();
  }

  @Override
  public int getTotalResources() {
    return pool.size();
  }

  @Override
  public long getStarts() {
    return launches.starts();
  }

  @Override
  public long getStartFailures() {
    return launches.startFailures();
  }

  @Override
  public SessionInfo[] listSessions() {
    return sessions.list().stream().map(SessionInfo::of).toArray(SessionInfo[]::new);
  }

  @Override
  public String stopSession(String id) {
    Optional<SessionId> sessionId = SessionId.parse(id);
    if (sessionId.isEmpty()) {
      return "unknown";
    }
    try {
      return stop(sessionId.get());
    } catch (SessionNotFoundException e) {
      return "unknown";
    }
  }

  @Override
  public int stopAllSessions() {
    int stopped = 0;
    for (Session session : sessions.list()) {
      try {
        stop(session.id());
        stopped++;
      } catch (SessionNotFoundException e) {
        // Ended on its own meanwhile: nothing left to stop.
      }
    }
    return stopped;
  }

  @Override
  public String reloadConfiguration() {
    try {
      // On the application's executor: a JMX thread has none of the application's context, and
      // metrics a reload registers (a new application's) must be the application's.
      return CompletableFuture.supplyAsync(() -> reload.reload(AUDIT_USER, null).summary(), tasks)
          .join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof ReloadRefusedException refused) {
        // A JDK exception with the message only: a remote client has none of the launcher's
        // classes.
        throw new IllegalStateException(refused.getMessage());
      }
      throw e;
    }
  }

  private String stop(SessionId id) {
    Session ended = sessions.stop(id);
    audit.record("stop", AUDIT_USER, ended.application(), id.toString(), null, "stopped");
    return ended.state().name().toLowerCase(Locale.ROOT);
  }
}
