package io.sessionlauncher.engine.reload;

import io.sessionlauncher.engine.audit.AuditTrail;
import io.sessionlauncher.engine.config.ActiveConfig;
import io.sessionlauncher.engine.config.ConfigLoader;
import io.sessionlauncher.engine.plugin.PluginCatalog;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.session.AppChecks;
import io.sessionlauncher.engine.session.SessionRegistry;
import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.model.LauncherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Reads {@code launcher.json} again and puts it in force, for the MBean and the admin endpoint. The
 * file passes the start-up checks first (the loader's, every application's plugin), and may not
 * change what a running launcher cannot take over ({@link FixedKeys}); a file that fails any check
 * changes nothing. Live sessions are left as they are: those of a removed application run on with
 * their limits until they end, a port the new {@code resources} drop is not handed out again. Every
 * reload, applied or refused, is one line of the audit trail.
 */
@ApplicationScoped
public class ConfigReload {
  private static final Logger LOG = Logger.getLogger(ConfigReload.class.getName());

  /** The audit trail's action for a reload. */
  public static final String AUDIT_ACTION = "reload";

  private ActiveConfig active;
  private ConfigLoader loader;
  private AppChecks checks;
  private PluginCatalog plugins;
  private ResourcePool pool;
  private SessionRegistry registry;
  private AuditTrail audit;
  private Event<ConfigReloaded> reloaded;

  /** For CDI's proxy. */
  protected ConfigReload() {}

  @Inject
  public ConfigReload(
      ActiveConfig active,
      ConfigLoader loader,
      AppChecks checks,
      PluginCatalog plugins,
      ResourcePool pool,
      SessionRegistry registry,
      AuditTrail audit,
      Event<ConfigReloaded> reloaded) {
    this.active = active;
    this.loader = loader;
    this.checks = checks;
    this.plugins = plugins;
    this.pool = pool;
    this.registry = registry;
    this.audit = audit;
    this.reloaded = reloaded;
  }

  /**
   * Reloads the file the running configuration came from.
   *
   * @param user who asked, for the audit trail
   * @param client the address it came from, or {@code null} (JMX)
   * @return what changed
   * @throws ReloadRefusedException when the file fails a check; nothing changed
   */
  public synchronized ReloadReport reload(String user, String client) {
    LauncherConfig running = active.current();
    LauncherConfig next;
    try {
      if (running.source() == null) {
        throw new ConfigurationException(
            null, "", "it was not read from a file, so there is nothing to read again");
      }
      next = loader.load(running.source());
      FixedKeys.requireUnchanged(running, next);
      checks.check(next);
    } catch (ConfigurationException e) {
      ReloadRefusedException refused = new ReloadRefusedException(e);
      audit.record(AUDIT_ACTION, user, null, null, client, "refused: " + e.getMessage());
      LOG.warning(refused::getMessage);
      throw refused;
    }
    int resourcesBefore = pool.size();
    plugins.useProducts(next.products());
    pool.resize(next.resources());
    active.replace(next);
    reloaded.fire(new ConfigReloaded(running, next));
    int sessionsOfRemoved =
        running.apps().keySet().stream()
            .filter(name -> !next.apps().containsKey(name))
            .mapToInt(registry::countOfApp)
            .sum();
    ReloadReport report =
        ReloadReport.between(running, next, sessionsOfRemoved, resourcesBefore, pool.size());
    audit.record(AUDIT_ACTION, user, null, null, client, "applied: " + report.summary());
    LOG.info(() -> "Configuration reloaded from " + report.file() + ": " + report.summary());
    return report;
  }
}
