package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.concurrent.BackgroundTasks;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.process.LaunchSpec;
import io.sessionlauncher.engine.process.ProcessStarter;
import io.sessionlauncher.engine.process.SessionProcess;
import io.sessionlauncher.engine.proxy.ProxyMapFile;
import io.sessionlauncher.engine.template.SessionTemplates;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionNotFoundException;
import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.model.Supervision;
import io.sessionlauncher.model.UnknownApplicationException;
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
  private ProcessStarter starter;
  private ProxyMapFile proxy;
  private BackgroundTasks tasks;
  private SecretGenerator secrets;
  private Clock clock;

  private final Map<SessionId, LiveSession> live = new ConcurrentHashMap<>();
  private final Map<SessionId, Session> ended = new ConcurrentHashMap<>();
  private final Object proxyLock = new Object();

  /** For CDI's proxy. */
  protected SessionManager() {}

  @Inject
  public SessionManager(
      LauncherConfig config,
      ResourcePool pool,
      ProcessStarter starter,
      ProxyMapFile proxy,
      BackgroundTasks tasks,
      SecretGenerator secrets) {
    this.config = config;
    this.pool = pool;
    this.starter = starter;
    this.proxy = proxy;
    this.tasks = tasks;
    this.secrets = secrets;
    this.clock = Clock.systemUTC();
  }

  /**
   * Starts with the application, so that a bad configuration fails the deployment and the proxy
   * file holds exactly the live sessions (none) from the first moment.
   */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    writeProxy();
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
   * Starts a session and returns once it is ready.
   *
   * @throws UnknownApplicationException when the application is not configured
   * @throws io.sessionlauncher.model.ResourcesExhaustedException when no resource is free
   * @throws io.sessionlauncher.model.InvalidRequestException when the request's values are refused
   * @throws SessionStartException when the process cannot start, exits or times out; everything is
   *     cleaned up by then
   */
  public Session create(LaunchRequest request) {
    AppConfig app =
        config
            .app(request.application())
            .orElseThrow(() -> new UnknownApplicationException(request.application()));
    SessionId id = SessionId.random();
    HostPort resource = pool.acquire();
    LiveSession session;
    try {
      SessionTemplates.Expansion expansion =
          SessionTemplates.expand(config, app, request, id, resource, secrets.next());
      session =
          new LiveSession(
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
                  null));
      SessionProcess process = starter.start(spec(app, id, resource, expansion));
      session.attach(process);
      live.put(id, session);
      process.onExit().thenAcceptAsync(code -> onProcessExit(session, code), tasks);
    } catch (RuntimeException e) {
      pool.release(resource);
      throw e;
    }
    awaitReady(session, app);
    writeProxy();
    return session.snapshot();
  }

  private void awaitReady(LiveSession session, AppConfig app) {
    SessionProcess process = session.process();
    try {
      process.awaitReady(config.configuration().timeout());
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
                  + process.outputTail());
      throw e;
    }
    if (!session.markReady()) {
      Session endedSession = awaitEnd(session);
      throw new SessionStartException(
          SessionStartException.Reason.EXITED,
          "Session process exited with code " + endedSession.exitCode() + " before it was ready");
    }
  }

  private LaunchSpec spec(
      AppConfig app, SessionId id, HostPort resource, SessionTemplates.Expansion expansion) {
    Supervision supervision = config.configuration().supervision();
    Path logFile = config.configuration().logDir().resolve(id + ".txt");
    return new LaunchSpec(
        expansion.argv(),
        workingDir(),
        Map.of(),
        logFile,
        app.readyLine(),
        resource,
        supervision.maxLogBytes(),
        supervision.stopGrace());
  }

  /**
   * Sessions start in the configuration file's folder, so relative paths in {@code cmd} mean what
   * they meant to the Python launcher started next to its file.
   */
  private Path workingDir() {
    Path source = config.source();
    return source == null ? null : source.toAbsolutePath().getParent();
  }

  private void onProcessExit(LiveSession session, int code) {
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
    SessionProcess process = session.process();
    Integer exitCode = null;
    try {
      writeProxy();
      if (process != null) {
        if (!process.stop()) {
          LOG.severe(() -> "Session " + snapshot.id() + ": process tree did not stop");
        }
        exitCode = process.handle().isAlive() ? null : exitCodeOf(process);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Session " + snapshot.id() + ": error while ending", e);
    } finally {
      pool.release(snapshot.resource());
      Session endedSession = snapshot.ended(clock.instant(), exitCode, cause);
      ended.put(snapshot.id(), endedSession);
      live.remove(snapshot.id());
      session.finish(endedSession);
    }
    return session.snapshot();
  }

  /**
   * The exit code of a process that is no longer alive. {@link Process#onExit()} completes
   * asynchronously, a moment after the operating system reports the process gone, so it is waited
   * for briefly rather than read at once (which nearly always gave {@code null}).
   */
  private static Integer exitCodeOf(SessionProcess process) {
    try {
      return process.onExit().get(EXIT_CODE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
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

  private void forgetOldEnded() {
    Instant limit = clock.instant().minus(config.configuration().supervision().keepEnded());
    ended.values().removeIf(session -> session.endedAt().isBefore(limit));
  }

  /** Stops every session when the application stops; the proxy file is left empty. */
  @PreDestroy
  public void shutdown() {
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
