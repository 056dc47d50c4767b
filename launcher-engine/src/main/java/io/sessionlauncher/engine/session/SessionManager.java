package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.concurrent.BackgroundTasks;
import io.sessionlauncher.engine.persist.SessionStore;
import io.sessionlauncher.engine.persist.StoredSession;
import io.sessionlauncher.engine.plugin.PluginCatalog;
import io.sessionlauncher.engine.plugin.PluginResolver;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.process.Readiness;
import io.sessionlauncher.engine.proxy.ProxyMapFile;
import io.sessionlauncher.engine.template.SessionTemplates;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.ResourcesExhaustedException;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionNotFoundException;
import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.model.Supervision;
import io.sessionlauncher.model.UnknownApplicationException;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.PluginException;
import io.sessionlauncher.spi.ProductLauncher;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates, finds, lists and ends sessions. Every end of a session, whatever its cause (stop
 * request, crash, timeout, failed start, shutdown), goes through {@link #end}, which removes the
 * proxy line, stops the process tree, and only then returns the resource to the pool.
 */
@ApplicationScoped
public class SessionManager {
  private static final Logger LOG = Logger.getLogger(SessionManager.class.getName());
  private static final long EXIT_CODE_WAIT_MILLIS = 2_000;

  private LauncherConfig config;
  private ResourcePool pool;
  private PluginCatalog plugins;
  private ProxyMapFile proxy;
  private BackgroundTasks tasks;
  private SecretGenerator secrets;
  private SessionStore store;
  private Clock clock;
  private SessionSweeper sweeper;

  private final Map<SessionId, LiveSession> live = new ConcurrentHashMap<>();
  private final Map<SessionId, Session> ended = new ConcurrentHashMap<>();
  private final Object proxyLock = new Object();
  private final Object admission = new Object();

  /** For CDI's proxy. */
  protected SessionManager() {}

  @Inject
  public SessionManager(
      LauncherConfig config,
      ResourcePool pool,
      PluginCatalog plugins,
      ProxyMapFile proxy,
      BackgroundTasks tasks,
      SecretGenerator secrets,
      SessionStore store) {
    this.config = config;
    this.pool = pool;
    this.plugins = plugins;
    this.proxy = proxy;
    this.tasks = tasks;
    this.secrets = secrets;
    this.store = store;
    this.clock = Clock.systemUTC();
  }

  /**
   * Starts with the application, so that a bad configuration fails the deployment, sessions left by
   * a launcher that died are adopted or stopped, and the proxy file holds exactly the live sessions
   * from the first moment.
   */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    checkApps();
    List<StoredSession> recorded = store.load();
    new SessionRecovery(this, config, pool).recover(recorded);
    for (StoredSession record : recorded) {
      if (SessionId.parse(record.id()).map(id -> !live.containsKey(id)).orElse(true)) {
        store.remove(record.id());
      }
    }
    writeProxy();
    sweeper = new SessionSweeper(this, config, clock);
    tasks.executeLongRunning(sweeper);
    LOG.info(
        () ->
            "Session launcher ready: "
                + config.apps().size()
                + " application(s), "
                + pool.size()
                + " resource(s), proxy file "
                + proxy.path()
                + (tasks.managed() ? ", on the managed executor" : ""));
  }

  /**
   * Fails start-up for an app whose plugin cannot be found, or whose configuration (when it holds
   * no template to fill from requests) breaks the plugin's constraints.
   */
  private void checkApps() {
    for (AppConfig app : config.apps().values()) {
      String key = "apps." + app.name();
      try {
        PluginResolver.Resolved resolved =
            plugins.resolver().resolve(app.product(), app.mode(), app.config());
        if (app.config() == null || !String.valueOf(app.config()).contains("$")) {
          bindOnly(resolved);
        }
      } catch (PluginException e) {
        throw new ConfigurationException(config.source(), key, e.getMessage(), e);
      }
    }
  }

  private <C extends Record> void bindOnly(PluginResolver.Resolved resolved) {
    @SuppressWarnings("unchecked")
    LauncherPlugin<C> plugin = (LauncherPlugin<C>) resolved.plugin();
    plugins.binder().bind(plugin, resolved.values());
  }

  /**
   * Starts a session and returns once it is ready.
   *
   * @throws UnknownApplicationException when the application is not configured
   * @throws io.sessionlauncher.model.ResourcesExhaustedException when no resource is free, or the
   *     application has as many sessions as it may
   * @throws io.sessionlauncher.model.InvalidRequestException when the request's values are refused
   * @throws SessionStartException when the product cannot start, exits or times out; everything is
   *     cleaned up by then
   */
  public Session create(LaunchRequest request) {
    AppConfig app =
        config
            .app(request.application())
            .orElseThrow(() -> new UnknownApplicationException(request.application()));
    SessionId id = SessionId.random();
    LiveSession session;
    synchronized (admission) {
      checkAppLimit(app);
      HostPort resource = pool.acquire();
      try {
        session = prepare(app, request, id, resource);
      } catch (RuntimeException e) {
        pool.release(resource);
        throw e;
      }
      live.put(id, session);
    }
    start(session, app);
    return session.snapshot();
  }

  private void checkAppLimit(AppConfig app) {
    Integer max = app.limits().maxSessions();
    if (max != null) {
      long running =
          live.values().stream()
              .filter(session -> session.snapshot().application().equals(app.name()))
              .count();
      if (running >= max) {
        throw new ResourcesExhaustedException(
            "Application '" + app.name() + "' already has its maximum of " + max + " sessions");
      }
    }
  }

  /** Expands the templates and configures the plugin; nothing runs yet. */
  private LiveSession prepare(
      AppConfig app, LaunchRequest request, SessionId id, HostPort resource) {
    SessionTemplates.Expansion expansion =
        SessionTemplates.expand(config, app, request, id, resource, secrets.next());
    PluginResolver.Resolved resolved =
        plugins.resolver().resolve(app.product(), app.mode(), expansion.config());
    ProductLauncher launcher = create(resolved, context(id, resource));
    Session snapshot =
        new Session(
            id,
            app.name(),
            request.owner(),
            resource,
            SessionState.STARTING,
            expansion.data(),
            expansion.secretShared(),
            clock.instant(),
            null,
            null,
            null);
    return new LiveSession(snapshot, resolved.plugin(), launcher);
  }

  private <C extends Record> ProductLauncher create(
      PluginResolver.Resolved resolved, LaunchContext context) {
    @SuppressWarnings("unchecked")
    LauncherPlugin<C> plugin = (LauncherPlugin<C>) resolved.plugin();
    C pluginConfig = plugins.binder().bind(plugin, resolved.values());
    return plugin.create(pluginConfig, context);
  }

  private LaunchContext context(SessionId id, HostPort resource) {
    Supervision supervision = config.configuration().supervision();
    return new LaunchContext(
        id.toString(),
        resource,
        config.configuration().logDir().resolve(id + ".txt"),
        workingDir(),
        supervision.stopGrace(),
        supervision.maxLogBytes(),
        tasks::executeLongRunning);
  }

  /** Starts the product, waits until it is ready, and routes it; ends it on any failure. */
  private void start(LiveSession session, AppConfig app) {
    ProductLauncher launcher = session.launcher();
    try {
      launcher.start();
    } catch (RuntimeException e) {
      end(session, EndCause.START_FAILED);
      throw e;
    }
    // Recorded while starting too: a launcher dying now must find and stop this process later.
    persist(session);
    launcher
        .onExit()
        .ifPresent(exit -> exit.thenAcceptAsync(code -> onProductExit(session, code), tasks));
    try {
      Readiness.await(launcher, config.configuration().timeout());
      requireUrls(session);
    } catch (SessionStartException e) {
      EndCause cause =
          e.reason() == SessionStartException.Reason.TIMEOUT
              ? EndCause.TIMEOUT
              : EndCause.EXITED_BEFORE_READY;
      Session endedSession = end(session, cause);
      LOG.warning(
          () ->
              "Session "
                  + endedSession.id()
                  + " of "
                  + app.name()
                  + " did not start ("
                  + e.getMessage()
                  + "); last output:\n"
                  + launcher.outputTail());
      throw e;
    }
    if (!session.markReady(clock.instant())) {
      throw Readiness.exited(awaitEnd(session).exitCode());
    }
    try {
      writeProxy();
    } catch (RuntimeException e) {
      // The client is told the session failed; one the proxy cannot route to must not run on.
      end(session, EndCause.START_FAILED);
      throw e;
    }
    persist(session);
  }

  /** Every server the plugin's spec names must be reachable, or the start has failed. */
  private static void requireUrls(LiveSession session) {
    Map<String, String> urls = session.launcher().urls();
    for (String key : session.plugin().serverSpec().keySet()) {
      if (!urls.containsKey(key)) {
        throw new SessionStartException(
            SessionStartException.Reason.CANNOT_START,
            "Plugin " + session.plugin().name() + " started without its server '" + key + "'");
      }
    }
  }

  /**
   * Sessions start in the configuration file's folder, so relative paths in {@code cmd} mean what
   * they meant to the Python launcher started next to its file.
   */
  private Path workingDir() {
    Path source = config.source();
    return source == null ? null : source.toAbsolutePath().getParent();
  }

  private void onProductExit(LiveSession session, Integer code) {
    boolean wasReady = session.snapshot().state() == SessionState.READY;
    end(session, wasReady ? EndCause.EXITED : EndCause.EXITED_BEFORE_READY);
    if (wasReady) {
      LOG.info(() -> "Session " + session.snapshot().id() + " exited with code " + code);
    }
  }

  /** The session, live or recently ended. */
  public Optional<Session> find(SessionId id) {
    LiveSession session = live.get(id);
    if (session != null) {
      return Optional.of(session.snapshot());
    }
    forgetOldEnded();
    return Optional.ofNullable(ended.get(id));
  }

  /** Every live session, oldest first. */
  public List<Session> list() {
    List<Session> sessions = new ArrayList<>();
    live.values().forEach(session -> sessions.add(session.snapshot()));
    sessions.sort(Comparator.comparing(Session::createdAt));
    return sessions;
  }

  /**
   * Stops a session and returns it ended; stopping an ended session returns it as it ended.
   *
   * @throws SessionNotFoundException when no session has that id
   */
  public Session stop(SessionId id) {
    LiveSession session = live.get(id);
    if (session != null) {
      return end(session, EndCause.STOPPED);
    }
    return find(id).orElseThrow(() -> new SessionNotFoundException(id.toString()));
  }

  /**
   * The one end-of-session path. The first caller carries it out; later callers wait for it.
   *
   * @return the ended session
   */
  Session end(LiveSession session, EndCause cause) {
    if (!session.beginEnd(cause)) {
      return awaitEnd(session);
    }
    Session snapshot = session.snapshot();
    ProductLauncher launcher = session.launcher();
    Integer exitCode = null;
    try {
      try {
        writeProxy();
      } catch (RuntimeException e) {
        // The process is stopped all the same: ended must mean gone, whatever the proxy file does.
        LOG.log(Level.SEVERE, "Session " + snapshot.id() + ": cannot remove its proxy line", e);
      }
      launcher.stop(config.configuration().supervision().stopGrace());
      exitCode = exitCodeOf(launcher);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Session " + snapshot.id() + ": error while ending", e);
    } finally {
      pool.release(snapshot.resource());
      Session endedSession = snapshot.ended(clock.instant(), exitCode, cause);
      if (session.everReady()) {
        // A session that never got ready was never given to a client: nothing stays registered.
        ended.put(snapshot.id(), endedSession);
      }
      live.remove(snapshot.id());
      session.finish(endedSession);
      store.remove(snapshot.id().toString());
    }
    return session.snapshot();
  }

  /**
   * The exit code of a product's process that is no longer alive. {@link Process#onExit()}
   * completes asynchronously, a moment after the operating system reports the process gone, so it
   * is waited for briefly rather than read at once (which nearly always gave {@code null}).
   */
  private static Integer exitCodeOf(ProductLauncher launcher) {
    if (launcher.onExit().isEmpty()) {
      return null;
    }
    try {
      return launcher
          .onExit()
          .get()
          .toCompletableFuture()
          .get(EXIT_CODE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return null;
    }
  }

  private static Session awaitEnd(LiveSession session) {
    try {
      return session.ended().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return session.snapshot();
    } catch (ExecutionException e) {
      return session.snapshot();
    }
  }

  /** The live sessions, for the sweeper and recovery. */
  java.util.Collection<LiveSession> liveSessions() {
    return List.copyOf(live.values());
  }

  boolean isLive(SessionId id) {
    return live.containsKey(id);
  }

  /** Ends a session on the background executor; for callers that must not wait for it. */
  void endLater(LiveSession session, EndCause cause) {
    tasks.execute(() -> end(session, cause));
  }

  /** Registers a session found alive after a restart; its resource is already claimed. */
  void adopt(LiveSession session) {
    live.put(session.snapshot().id(), session);
    session
        .launcher()
        .onExit()
        .ifPresent(exit -> exit.thenAcceptAsync(code -> onProductExit(session, code), tasks));
  }

  /** Records a live session so a restarted launcher can find its process. */
  private void persist(LiveSession session) {
    if (!store.enabled()) {
      return;
    }
    Session snapshot = session.snapshot();
    Optional<ProcessHandle> process = session.launcher().process();
    store.save(
        new StoredSession(
            snapshot.id().toString(),
            snapshot.application(),
            snapshot.owner(),
            snapshot.resource(),
            process.map(ProcessHandle::pid).orElse(-1L),
            process.flatMap(handle -> handle.info().startInstant()).orElse(null),
            snapshot.createdAt(),
            snapshot.secretShared(),
            snapshot.data(),
            snapshot.state() == SessionState.READY));
  }

  private void writeProxy() {
    synchronized (proxyLock) {
      Map<SessionId, HostPort> ready = new LinkedHashMap<>();
      for (LiveSession session : live.values()) {
        Session snapshot = session.snapshot();
        if (snapshot.state() == SessionState.READY) {
          ready.put(snapshot.id(), snapshot.resource());
        }
      }
      proxy.write(ready);
    }
  }

  /** Forgets ended sessions older than {@code keep_ended}. */
  void forgetOldEnded() {
    Instant limit = clock.instant().minus(config.configuration().supervision().keepEnded());
    ended.values().removeIf(session -> session.endedAt().isBefore(limit));
  }

  /** Stops every session when the application stops; the proxy file is left empty. */
  @PreDestroy
  public void shutdown() {
    if (sweeper != null) {
      sweeper.stop();
    }
    List<LiveSession> sessions = new ArrayList<>(live.values());
    if (sessions.isEmpty()) {
      writeProxy();
      return;
    }
    LOG.info(() -> "Stopping " + sessions.size() + " session(s)");
    // Plain threads: at shutdown the container's executor may already refuse work.
    ExecutorService stoppers = Executors.newFixedThreadPool(Math.min(sessions.size(), 32));
    try {
      List<Future<Session>> stops = new ArrayList<>();
      for (LiveSession session : sessions) {
        stops.add(stoppers.submit(() -> end(session, EndCause.SHUTDOWN)));
      }
      for (Future<Session> stop : stops) {
        try {
          stop.get();
        } catch (ExecutionException e) {
          LOG.log(Level.SEVERE, "Error while stopping a session", e.getCause());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stoppers.shutdownNow();
      writeProxy();
    }
  }
}
