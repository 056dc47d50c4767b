package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.config.ActiveConfig;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.model.AccessSettings;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LimitReachedException;
import io.sessionlauncher.model.ResourcesExhaustedException;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a session may start and takes its resource. Only the checks of the counts (the
 * application's, the owner's, the sessions starting) and the taking of a host/port pair are atomic;
 * everything slow (templates, validation, the plugin) happens after admission, outside any lock.
 */
@ApplicationScoped
public class SessionAdmission {
  private ResourcePool pool;
  private SessionRegistry registry;
  private ActiveConfig active;
  private final Object lock = new Object();

  /** Sessions admitted and not yet ready or ended: what {@code max_starting} counts. */
  private final Set<SessionId> starting = ConcurrentHashMap.newKeySet();

  /** For CDI's proxy. */
  protected SessionAdmission() {}

  @Inject
  public SessionAdmission(ResourcePool pool, SessionRegistry registry, ActiveConfig active) {
    this.pool = pool;
    this.registry = registry;
    this.active = active;
  }

  /**
   * Admits a session of {@code app} for {@code owner}.
   *
   * @throws LimitReachedException when the owner has as many sessions as one user may, or as many
   *     sessions are starting as may at once
   * @throws ResourcesExhaustedException when the application has as many sessions as it may, or no
   *     resource is free
   */
  Admission admit(AppConfig app, String owner) {
    SessionId id = SessionId.random();
    Integer max = app.limits().maxSessions();
    synchronized (lock) {
      AccessSettings access = active.current().configuration().access();
      checkOwnerLimit(app, owner, access);
      Integer maxStarting = access.maxStarting();
      if (maxStarting != null && starting.size() >= maxStarting) {
        throw new LimitReachedException(
            "Too many sessions are starting: the launcher starts at most "
                + maxStarting
                + " at once (max_starting)");
      }
      if (max != null && registry.countOfApp(app.name()) >= max) {
        throw new ResourcesExhaustedException(
            "Application '" + app.name() + "' already has its maximum of " + max + " sessions");
      }
      HostPort resource = pool.acquire();
      Admission admission = new Admission(id, app, owner, resource);
      registry.reserve(admission);
      starting.add(id);
      return admission;
    }
  }

  /** The application's own per-user limit replaces the launcher's for its sessions. */
  private void checkOwnerLimit(AppConfig app, String owner, AccessSettings access) {
    Integer ofApp = app.limits().maxSessionsPerUser();
    if (ofApp != null) {
      if (registry.countOfOwner(owner, app.name()) >= ofApp) {
        throw new LimitReachedException(
            "User '"
                + owner
                + "' already has "
                + ofApp
                + " session(s) of '"
                + app.name()
                + "', the most one user may have (apps."
                + app.name()
                + ".max_sessions_per_user)");
      }
      return;
    }
    Integer global = access.maxSessionsPerUser();
    if (global != null && registry.countOfOwner(owner) >= global) {
      throw new LimitReachedException(
          "User '"
              + owner
              + "' already has "
              + global
              + " session(s), the most one user may have (max_sessions_per_user)");
    }
  }

  /** A session stops counting as starting once it is ready or on its way out. */
  void onChange(@Observes SessionChange change) {
    if (change.state() != SessionState.STARTING) {
      starting.remove(change.session().id());
    }
  }

  /** Undoes an admission whose session never came to exist. */
  void cancel(Admission admission) {
    starting.remove(admission.id());
    registry.release(admission.id(), admission.app().name(), admission.owner());
    pool.release(admission.resource());
  }
}
