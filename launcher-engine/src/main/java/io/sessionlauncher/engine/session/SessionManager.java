package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.concurrent.BackgroundTasks;
import io.sessionlauncher.engine.config.ActiveConfig;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.process.SessionCgroups;
import io.sessionlauncher.engine.proxy.ProxyMapFile;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionNotFoundException;
import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.model.UnknownApplicationException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The launcher's sessions as its clients see them: create, find, list and stop, and the start and
 * shutdown of the whole. The work is done by the parts it names: {@link SessionAdmission} (limits
 * and resources), {@link SessionStarter} (to ready), {@link SessionEnder} (the one end path),
 * {@link SessionRegistry} (what exists), {@link SessionRecovery} and {@link SessionSweeper}.
 */
@ApplicationScoped
public class SessionManager {
  private static final Logger LOG = Logger.getLogger(SessionManager.class.getName());

  private LauncherConfig config;
  private ActiveConfig active;
  private AppChecks appChecks;
  private SessionAdmission admission;
  private SessionStarter starter;
  private SessionEnder ender;
  private SessionRegistry registry;
  private SessionRecovery recovery;
  private SessionSweeper sweeper;
  private ProxyMapSync proxy;
  private ProxyMapFile proxyFile;
  private ResourcePool pool;
  private BackgroundTasks tasks;

  /** For CDI's proxy. */
  protected SessionManager() {}

  @Inject
  public SessionManager(
      LauncherConfig config,
      ActiveConfig active,
      AppChecks appChecks,
      SessionAdmission admission,
      SessionStarter starter,
      SessionEnder ender,
      SessionRegistry registry,
      SessionRecovery recovery,
      SessionSweeper sweeper,
      ProxyMapSync proxy,
      ProxyMapFile proxyFile,
      ResourcePool pool,
      BackgroundTasks tasks) {
    this.config = config;
    this.active = active;
    this.appChecks = appChecks;
    this.admission = admission;
    this.starter = starter;
    this.ender = ender;
    this.registry = registry;
    this.recovery = recovery;
    this.sweeper = sweeper;
    this.proxy = proxy;
    this.proxyFile = proxyFile;
    this.pool = pool;
    this.tasks = tasks;
  }

  /**
   * Starts with the application, so that a bad configuration fails the deployment, sessions left by
   * a launcher that died are adopted or stopped, and the proxy file holds exactly the live sessions
   * from the first moment.
   */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    appChecks.checkAll();
    recovery.recover();
    proxy.rebuild();
    sweeper.start();
    LOG.info(
        () ->
            "Session launcher ready: "
                + config.apps().size()
                + " application(s), "
                + pool.size()
                + " resource(s), proxy file "
                + proxyFile.path()
                + (tasks.managed() ? ", on the managed executor" : "")
                + "; "
                + SessionCgroups.describe());
  }

  /**
   * Starts a session and returns once it is ready.
   *
   * @throws UnknownApplicationException when the application is not configured
   * @throws io.sessionlauncher.model.ResourcesExhaustedException when no resource is free, or the
   *     application has as many sessions as it may
   * @throws io.sessionlauncher.model.InvalidRequestException when the request's values are refused
   * @throws SessionStartException when the product cannot start, exits or times out, or the waiting
   *     thread is interrupted; everything is cleaned up by then
   */
  public Session create(LaunchRequest request) {
    CompletableFuture<Session> answer = createAsync(request);
    try {
      return answer.get();
    } catch (InterruptedException e) {
      // The session is ended before this returns (cancelling the answer ends it).
      answer.cancel(false);
      Thread.currentThread().interrupt();
      throw new SessionStartException(
          SessionStartException.Reason.INTERRUPTED,
          "Interrupted while waiting for the session to be ready");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause
          ? cause
          : new SessionStartException(
              SessionStartException.Reason.CANNOT_START, "Session start failed", e.getCause());
    }
  }

  /**
   * Starts a session; the answer completes once it is ready, without a request thread waiting for
   * it. Cancelling the answer ends the session.
   *
   * @throws UnknownApplicationException when the application is not configured
   * @throws io.sessionlauncher.model.ResourcesExhaustedException when no resource is free, or the
   *     application has as many sessions as it may
   * @return the ready session, or the failure {@link #create} would throw
   */
  public CompletableFuture<Session> createAsync(LaunchRequest request) {
    return launch(request).ready();
  }

  /**
   * Starts a session as {@link #createAsync} does, and tells its id at once: for a client that
   * follows the start rather than waiting for it.
   *
   * @throws UnknownApplicationException when the application is not configured
   * @throws io.sessionlauncher.model.ResourcesExhaustedException when no resource is free, or the
   *     application has as many sessions as it may
   */
  public Launch launch(LaunchRequest request) {
    AppConfig app =
        active
            .current()
            .app(request.application())
            .orElseThrow(() -> new UnknownApplicationException(request.application()));
    Admission admitted = admission.admit(app, request.owner());
    return new Launch(admitted.id(), starter.launch(admitted, request));
  }

  /** The session, live or recently ended. */
  public Optional<Session> find(SessionId id) {
    return registry.find(id);
  }

  /**
   * The last {@code bytes} bytes of the session's log (its program's output), or empty when it
   * wrote none or the log is gone.
   */
  public String logTail(SessionId id, int bytes) {
    return io.sessionlauncher.engine.process.LogTail.read(SessionLogs.of(config, id), bytes);
  }

  /** Every live session, oldest first. */
  public List<Session> list() {
    return registry.list();
  }

  /**
   * Stops a session and returns it ended; stopping an ended session returns it as it ended.
   *
   * @throws SessionNotFoundException when no session has that id
   */
  public Session stop(SessionId id) {
    Optional<LiveSession> session = registry.live(id);
    if (session.isPresent()) {
      return ender.end(session.get(), EndCause.STOPPED);
    }
    return find(id).orElseThrow(() -> new SessionNotFoundException(id.toString()));
  }

  /**
   * Stops every session before the application's beans go away, so the end path still has the proxy
   * file and the records to update.
   */
  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    shutdown();
  }

  /**
   * Stops every session when the application stops; the proxy file is left empty. Safe to call more
   * than once.
   */
  @PreDestroy
  public void shutdown() {
    sweeper.stop();
    Collection<LiveSession> sessions = registry.liveSessions();
    if (sessions.isEmpty()) {
      proxy.sync();
      return;
    }
    LOG.info(() -> "Stopping " + sessions.size() + " session(s)");
    // Plain threads: at shutdown the container's executor may already refuse work.
    ExecutorService stoppers = Executors.newFixedThreadPool(Math.min(sessions.size(), 32));
    try {
      List<Future<Session>> stops = new ArrayList<>();
      for (LiveSession session : sessions) {
        stops.add(stoppers.submit(() -> ender.end(session, EndCause.SHUTDOWN)));
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
      proxy.sync();
    }
  }
}
