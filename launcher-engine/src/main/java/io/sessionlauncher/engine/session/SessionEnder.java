package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.concurrent.BackgroundTasks;
import io.sessionlauncher.engine.plugin.BoundedCall;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.process.ProcessTree;
import io.sessionlauncher.engine.process.SessionMarker;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.spi.ProductLauncher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one end-of-session path, whatever the cause (stop request, crash, timeout, failed start,
 * lifetime, idleness, shutdown): the proxy line goes first, then the process tree is stopped, and
 * only then is the resource returned to the pool and the session recorded as ended.
 */
@ApplicationScoped
public class SessionEnder {
  private static final Logger LOG = Logger.getLogger(SessionEnder.class.getName());
  private static final long EXIT_CODE_WAIT_MILLIS = 2_000;

  /**
   * Time a plugin's {@code stop} has beyond the grace period: the process plugin waits up to five
   * seconds more for a process the kernel is slow to let go of.
   */
  private static final Duration STOP_MARGIN = Duration.ofSeconds(6);

  private Duration stopGrace;
  private ResourcePool pool;
  private SessionRegistry registry;
  private Event<SessionChange> changes;
  private BackgroundTasks tasks;
  private Clock clock;

  /** For CDI's proxy. */
  protected SessionEnder() {}

  @Inject
  public SessionEnder(
      LauncherConfig config,
      ResourcePool pool,
      SessionRegistry registry,
      Event<SessionChange> changes,
      BackgroundTasks tasks,
      Clock clock) {
    this.stopGrace = config.configuration().supervision().stopGrace();
    this.pool = pool;
    this.registry = registry;
    this.changes = changes;
    this.tasks = tasks;
    this.clock = clock;
  }

  /**
   * Ends a session. The first caller carries the end out; later callers wait for it.
   *
   * @return the ended session
   */
  Session end(LiveSession session, EndCause cause) {
    if (!session.beginEnd(cause)) {
      return awaitEnd(session);
    }
    ProductLauncher launcher = session.launcher();
    Session stopping = session.snapshot();
    Integer exitCode = null;
    try {
      try {
        changes.fire(new SessionChange(stopping, launcher.process()));
      } catch (RuntimeException e) {
        // The process is stopped all the same: ended must mean gone, whatever the proxy file does.
        LOG.log(Level.SEVERE, "Session " + stopping.id() + ": cannot remove its proxy line", e);
      }
      stopProduct(session, stopping);
      exitCode = exitCodeOf(launcher);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Session " + stopping.id() + ": error while ending", e);
    } finally {
      Session ended = finalStatus(stopping, launcher).ended(clock.instant(), exitCode, cause);
      // A session that never got ready was never given to a client: nothing stays registered.
      registry.remove(ended, session.everReady());
      pool.release(stopping.resource());
      session.finish(ended);
      try {
        changes.fire(new SessionChange(ended, launcher.process()));
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Session " + stopping.id() + ": cannot forget its record", e);
      }
    }
    return session.snapshot();
  }

  /** The session with its product's last word (a job's final state), when the plugin has one. */
  private static Session finalStatus(Session stopping, ProductLauncher launcher) {
    try {
      return launcher.status().map(stopping::withStatus).orElse(stopping);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Session " + stopping.id() + ": its plugin's status failed", e);
      return stopping;
    }
  }

  /**
   * Calls the plugin's {@code stop}, bounded in time: a plugin that hangs or fails in it does not
   * hold the end, and the product's process tree, with whatever carries the session's marker, is
   * then killed all the same.
   */
  private void stopProduct(LiveSession session, Session stopping) {
    ProductLauncher launcher = session.launcher();
    String call = "Session " + stopping.id() + ": " + session.runBy() + " stop";
    try {
      BoundedCall.call(
          tasks::executeLongRunning,
          stopGrace.plus(STOP_MARGIN),
          call,
          () -> {
            launcher.stop(stopGrace);
            return null;
          });
      return;
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, call + " failed; its processes are killed", e);
    }
    launcher
        .process()
        .ifPresent(
            root ->
                ProcessTree.stop(root, Duration.ZERO, SessionMarker.of(stopping.id().toString())));
  }

  /** Ends a session on the background executor; for callers that must not wait for it. */
  void endLater(LiveSession session, EndCause cause) {
    tasks.execute(() -> end(session, cause));
  }

  /** Ends the session when its product exits on its own. */
  void watchExit(LiveSession session) {
    session
        .launcher()
        .onExit()
        .ifPresent(exit -> exit.thenAcceptAsync(code -> onProductExit(session, code), tasks));
  }

  private void onProductExit(LiveSession session, Integer code) {
    boolean wasReady = session.snapshot().state() == SessionState.READY;
    end(session, wasReady ? EndCause.EXITED : EndCause.EXITED_BEFORE_READY);
    if (wasReady) {
      LOG.info(() -> "Session " + session.snapshot().id() + " exited with code " + code);
    }
  }

  /** The ended session, once its end, carried out by another caller, is complete. */
  static Session awaitEnd(LiveSession session) {
    try {
      return session.ended().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return session.snapshot();
    } catch (ExecutionException e) {
      return session.snapshot();
    }
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
}
