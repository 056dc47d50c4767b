package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.ResourcesExhaustedException;
import io.sessionlauncher.model.SessionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decides whether a session may start and takes its resource. Only the check of the application's
 * count and the taking of a host/port pair are atomic; everything slow (templates, validation, the
 * plugin) happens after admission, outside any lock.
 */
@ApplicationScoped
public class SessionAdmission {
  private ResourcePool pool;
  private SessionRegistry registry;
  private final Object lock = new Object();

  /** For CDI's proxy. */
  protected SessionAdmission() {}

  @Inject
  public SessionAdmission(ResourcePool pool, SessionRegistry registry) {
    this.pool = pool;
    this.registry = registry;
  }

  /**
   * Admits a session of {@code app} for {@code owner}.
   *
   * @throws ResourcesExhaustedException when the application has as many sessions as it may, or no
   *     resource is free
   */
  Admission admit(AppConfig app, String owner) {
    SessionId id = SessionId.random();
    Integer max = app.limits().maxSessions();
    synchronized (lock) {
      if (max != null && registry.countOfApp(app.name()) >= max) {
        throw new ResourcesExhaustedException(
            "Application '" + app.name() + "' already has its maximum of " + max + " sessions");
      }
      HostPort resource = pool.acquire();
      Admission admission = new Admission(id, app, owner, resource);
      registry.reserve(admission);
      return admission;
    }
  }

  /** Undoes an admission whose session never came to exist. */
  void cancel(Admission admission) {
    registry.release(admission.id(), admission.app().name(), admission.owner());
    pool.release(admission.resource());
  }
}
