package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.concurrent.BackgroundTasks;
import io.sessionlauncher.engine.persist.SessionStore;
import io.sessionlauncher.engine.persist.StoredSession;
import io.sessionlauncher.engine.plugin.ConfigBinder;
import io.sessionlauncher.engine.plugin.PluginCatalog;
import io.sessionlauncher.engine.plugin.PluginResolver;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.process.ProcessTree;
import io.sessionlauncher.engine.process.SessionMarker;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.model.Supervision;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.ProductLauncher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a starting launcher does with the sessions its predecessor recorded: a session whose process
 * is still alive and provably the same (pid and start time) is adopted back when the policy says so
 * and it was ready; any other live one is stopped with its whole tree; a dead one is forgotten. A
 * pid now used by another program is never touched. Records of sessions not adopted are removed.
 */
@ApplicationScoped
public class SessionRecovery {
  private static final Logger LOG = Logger.getLogger(SessionRecovery.class.getName());

  private LauncherConfig config;
  private SessionStore store;
  private ResourcePool pool;
  private SessionRegistry registry;
  private SessionEnder ender;
  private PluginCatalog plugins;
  private BackgroundTasks tasks;
  private Clock clock;

  /** For CDI's proxy. */
  protected SessionRecovery() {}

  @Inject
  public SessionRecovery(
      LauncherConfig config,
      SessionStore store,
      ResourcePool pool,
      SessionRegistry registry,
      SessionEnder ender,
      PluginCatalog plugins,
      BackgroundTasks tasks,
      Clock clock) {
    this.config = config;
    this.store = store;
    this.pool = pool;
    this.registry = registry;
    this.ender = ender;
    this.plugins = plugins;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** Adopts or stops every recorded session, and forgets the records of those not adopted. */
  void recover() {
    List<StoredSession> recorded = store.load();
    Supervision supervision = config.configuration().supervision();
    for (StoredSession record : recorded) {
      Optional<ProcessHandle> process = sameProcess(record);
      Optional<SessionId> id = SessionId.parse(record.id());
      if (id.isEmpty()) {
        continue; // the store gives only records of canonical ids
      }
      if (record.reference() != null) {
        recoverByReference(id.get(), record, supervision);
        continue;
      }
      SessionMarker marker = SessionMarker.of(id.get().toString());
      if (process.isEmpty()) {
        LOG.info(() -> "Session " + record.id() + " ended while the launcher was down");
        // What it started and left behind (a daemon) carries its marker still.
        ProcessTree.stopMarked(marker, supervision.stopGrace());
        store.remove(record.id());
        continue;
      }
      boolean adopt =
          supervision.onRestart() == Supervision.RestartPolicy.ADOPT
              && record.ready()
              && config.app(record.application()).isPresent()
              && pool.claim(record.resource());
      if (adopt) {
        LiveSession session = adopted(id.get(), record, process.get(), marker);
        registry.add(session);
        ender.watchExit(session);
        LOG.info(() -> "Adopted session " + record.id() + " (pid " + record.pid() + ")");
      } else {
        ProcessTree.stop(process.get(), supervision.stopGrace(), marker);
        store.remove(record.id());
        LOG.info(() -> "Stopped session " + record.id() + " left by a previous launcher");
      }
    }
  }

  /**
   * A session whose product has no local process (a batch job): its plugin looks for it by the
   * recorded reference, and it is adopted or stopped as a process would be.
   */
  private void recoverByReference(SessionId id, StoredSession record, Supervision supervision) {
    Optional<AppConfig> app = config.app(record.application());
    if (app.isEmpty() || app.get().product() == null || record.pluginConfig() == null) {
      LOG.warning(
          () ->
              "Session "
                  + record.id()
                  + " ran "
                  + record.reference()
                  + " of app "
                  + record.application()
                  + ", which is no longer configured: it cannot be found again; stop it by hand");
      store.remove(record.id());
      return;
    }
    Optional<ProductLauncher> found;
    LauncherPlugin<?> plugin;
    try {
      PluginResolver.Resolved resolved =
          plugins.resolver().resolve(app.get().product(), app.get().mode(), record.pluginConfig());
      plugin = resolved.plugin();
      found =
          adopt(
              plugin,
              resolved.values(),
              SessionContexts.of(config, id, null, tasks),
              record.reference());
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Session " + record.id() + ": cannot look for " + record.reference() + "; forgotten",
          e);
      store.remove(record.id());
      return;
    }
    if (found.isEmpty()) {
      LOG.info(() -> "Session " + record.id() + " ended while the launcher was down");
      store.remove(record.id());
      return;
    }
    boolean adopt =
        supervision.onRestart() == Supervision.RestartPolicy.ADOPT
            && record.ready()
            && pool.claim(record.resource());
    if (!adopt) {
      found.get().stop(supervision.stopGrace());
      store.remove(record.id());
      LOG.info(() -> "Stopped session " + record.id() + " left by a previous launcher");
      return;
    }
    Session snapshot =
        startingSnapshot(id, record, record.address(), found.get().status().orElse(null));
    LiveSession session = new LiveSession(snapshot, plugin, found.get(), record.pluginConfig());
    session.markReady(clock.instant());
    registry.add(session);
    ender.watchExit(session);
    LOG.info(() -> "Adopted session " + record.id() + " (" + record.reference() + ")");
  }

  private static <C extends Record> Optional<ProductLauncher> adopt(
      LauncherPlugin<C> plugin,
      ConfigBinder binder,
      Map<String, Object> values,
      LaunchContext context,
      String reference) {
    return plugin.adopt(binder.bind(plugin, values), context, reference);
  }

  private Optional<ProductLauncher> adopt(
      LauncherPlugin<?> plugin, Map<String, Object> values, LaunchContext context, String ref) {
    return adopt(plugin, plugins.binder(), values, context, ref);
  }

  /** The recorded process, if it is alive and started when the record says. */
  private static Optional<ProcessHandle> sameProcess(StoredSession record) {
    if (record.pid() <= 0 || record.processStart() == null) {
      return Optional.empty();
    }
    return ProcessHandle.of(record.pid())
        .filter(ProcessHandle::isAlive)
        .filter(
            handle ->
                handle.info().startInstant().map(record.processStart()::equals).orElse(false));
  }

  private LiveSession adopted(
      SessionId id, StoredSession record, ProcessHandle process, SessionMarker marker) {
    Session snapshot = startingSnapshot(id, record, null, null);
    LiveSession session =
        new LiveSession(snapshot, null, new AdoptedProcess(process, record.resource(), marker));
    session.markReady(clock.instant());
    return session;
  }

  /**
   * An adopted session as it stands before its readiness is seen again: where it is reached (its
   * product's address, or {@code null} for its resource) and its product's status, if any.
   */
  private static Session startingSnapshot(
      SessionId id, StoredSession record, HostPort address, String status) {
    return new Session(
        id,
        record.application(),
        record.owner(),
        record.resource(),
        SessionState.STARTING,
        record.data(),
        record.secretShared(),
        record.createdAt(),
        null,
        null,
        null,
        address,
        status);
  }
}
