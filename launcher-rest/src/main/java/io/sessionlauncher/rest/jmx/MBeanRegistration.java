package io.sessionlauncher.rest.jmx;

import io.sessionlauncher.engine.audit.AuditTrail;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.reload.ConfigReload;
import io.sessionlauncher.engine.session.SessionManager;
import io.sessionlauncher.rest.metrics.LaunchMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Registers the launcher's MBean ({@value SessionLauncherMXBean#OBJECT_NAME}) in the platform MBean
 * server when the application starts and unregisters it when it stops, so a redeployed launcher
 * registers its own and no stale one holds the old deployment's beans. One the old deployment left
 * behind (it did not stop cleanly) is replaced.
 */
@ApplicationScoped
public class MBeanRegistration {
  private static final Logger LOG = Logger.getLogger(MBeanRegistration.class.getName());

  private SessionManager sessions;
  private ResourcePool pool;
  private LaunchMetrics launches;
  private AuditTrail audit;
  private ConfigReload reload;
  private ObjectName name;

  /** For CDI's proxy. */
  protected MBeanRegistration() {}

  @Inject
  public MBeanRegistration(
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

  synchronized void register(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (name != null) {
      return; // the event comes once per module of the application
    }
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      ObjectName objectName = new ObjectName(SessionLauncherMXBean.OBJECT_NAME);
      if (server.isRegistered(objectName)) {
        LOG.warning(() -> "Replacing a stale " + objectName + " left by an earlier deployment");
        unregister(server, objectName);
      }
      // Registered on the application's start: the proxy's calls run in the application's
      // context, whichever thread of the JMX connector they arrive on.
      SessionLauncherMXBean bean =
          ApplicationContext.captured(
              new SessionLauncherMBean(sessions, pool, launches, audit, reload),
              SessionLauncherMXBean.class);
      server.registerMBean(new StandardMBean(bean, SessionLauncherMXBean.class, true), objectName);
      name = objectName;
    } catch (JMException e) {
      // Management is an extra: the launcher serves its clients without it.
      LOG.log(Level.WARNING, "Cannot register " + SessionLauncherMXBean.OBJECT_NAME, e);
    }
  }

  synchronized void unregister(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    if (name != null) {
      unregister(ManagementFactory.getPlatformMBeanServer(), name);
      name = null;
    }
  }

  private static void unregister(MBeanServer server, ObjectName objectName) {
    try {
      server.unregisterMBean(objectName);
    } catch (InstanceNotFoundException e) {
      // Already gone: what unregistering wants.
    } catch (JMException e) {
      LOG.log(Level.WARNING, "Cannot unregister " + objectName, e);
    }
  }
}
