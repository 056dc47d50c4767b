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

/**
 * The launcher's MBean: reads the engine's registry, pool and counts, and stops sessions through
 * the session manager, each stop in the audit trail with the user {@value #AUDIT_USER}. {@link
 * MBeanRegistration} puts it in the platform MBean server for the application's life, behind a
 * proxy that gives every call the application's context.
 */
final class SessionLauncherMBean implements SessionLauncherMXBean {
  /** Who stopped a session, in the audit trail: the server's administrator, through JMX. */
  static final String AUDIT_USER = "jmx";

  private final SessionManager sessions;
  private final ResourcePool pool;
  private final LaunchMetrics launches;
  private final AuditTrail audit;
  private final ConfigReload reload;

  SessionLauncherMBean(
      SessionManager sessions,
      ResourcePool pool,
      LaunchMetrics launches,
      AuditTrail audit,
      ConfigReload reload) {
    this.sessions = sessions;
    this.pool = pool;
    this.launches = launches;
    this.audit = audit;
    this.reload = reload;
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
      return reload.reload(AUDIT_USER, null).summary();
    } catch (ReloadRefusedException refused) {
      // A JDK exception with the message only: a remote client has none of the launcher's
      // classes.
      throw new IllegalStateException(refused.getMessage());
    }
  }

  private String stop(SessionId id) {
    Session ended = sessions.stop(id);
    audit.record("stop", AUDIT_USER, ended.application(), id.toString(), null, "stopped");
    return ended.state().name().toLowerCase(Locale.ROOT);
  }
}
