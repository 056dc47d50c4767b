package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.concurrent.BackgroundTasks;
import io.sessionlauncher.engine.config.ActiveConfig;
import io.sessionlauncher.engine.plugin.BoundedCall;
import io.sessionlauncher.engine.plugin.ConfigBinder;
import io.sessionlauncher.engine.plugin.PluginCatalog;
import io.sessionlauncher.engine.plugin.PluginResolver;
import io.sessionlauncher.engine.plugin.PluginTimeoutException;
import io.sessionlauncher.engine.process.Readiness;
import io.sessionlauncher.engine.template.SessionTemplates;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.ProductLauncher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings an admitted session to the ready state: expands its templates and configures its plugin
 * (outside any lock), starts the product, waits until it is ready and announces it. On any failure
 * the session is ended through the {@link SessionEnder}, so nothing is left behind, and the failure
 * is the caller's answer.
 */
@ApplicationScoped
public class SessionStarter {
  private static final Logger LOG = Logger.getLogger(SessionStarter.class.getName());

  private LauncherConfig config;
  private ActiveConfig active;
  private PluginCatalog plugins;
  private SessionRegistry registry;
  private SessionAdmission admission;
  private SessionEnder ender;
  private Event<SessionChange> changes;
  private Event<SessionProgress> progress;
  private BackgroundTasks tasks;
  private SecretGenerator secrets;
  private Clock clock;

  /** For CDI's proxy. */
  protected SessionStarter() {}

  @Inject
  public SessionStarter(
      LauncherConfig config,
      ActiveConfig active,
      PluginCatalog plugins,
      SessionRegistry registry,
      SessionAdmission admission,
      SessionEnder ender,
      Event<SessionChange> changes,
      Event<SessionProgress> progress,
      BackgroundTasks tasks,
      SecretGenerator secrets,
      Clock clock) {
    this.config = config;
    this.active = active;
    this.plugins = plugins;
    this.registry = registry;
    this.admission = admission;
    this.ender = ender;
    this.changes = changes;
    this.progress = progress;
    this.tasks = tasks;
    this.secrets = secrets;
    this.clock = clock;
  }

  /**
   * Prepares and starts an admitted session; the answer completes once it is ready. The caller's
   * thread is not held while the product gets ready. Cancelling the answer ends the session (when
   * the caller gives up).
   *
   * @return the ready session, or a failure: {@link
   *     io.sessionlauncher.model.InvalidRequestException} when the request's values are refused,
   *     {@link SessionStartException} when the product cannot start, exits or times out
   */
  CompletableFuture<Session> launch(Admission admitted, LaunchRequest request) {
    LiveSession session;
    try {
      session = prepare(admitted, request);
    } catch (RuntimeException e) {
      admission.cancel(admitted);
      return CompletableFuture.failedFuture(e);
    }
    registry.add(session);
    ProductLauncher launcher = session.launcher();
    try {
      launcher.onStatusChange(status -> announceStatus(session, status));
      launcher.start();
      changes.fire(SessionChange.of(session));
      ender.watchExit(session);
    } catch (RuntimeException e) {
      ender.end(session, EndCause.START_FAILED);
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Session> answer = new CompletableFuture<>();
    var unused =
        answer.whenComplete(
            (ready, failure) -> {
              if (answer.isCancelled()) {
                ender.end(session, EndCause.START_FAILED);
              }
            });
    var unusedReadiness =
        Readiness.whenReady(
                launcher, active.current().configuration().timeout(), tasks::executeLongRunning)
            .whenComplete(
                (ready, failure) -> {
                  if (failure == null) {
                    // On the thread that saw the ready line: one hand-over less for the client.
                    answerWith(answer, session, null);
                  } else {
                    // Ending stops the process, which takes up to the grace period: never on the
                    // JDK's process reaper or timer thread that reported the failure.
                    tasks.execute(() -> answerWith(answer, session, failure));
                  }
                });
    return answer;
  }

  /** A starting session's new status, for those who follow its progress. */
  private void announceStatus(LiveSession session, String status) {
    Session changed = session.updateStatus(status);
    if (changed != null) {
      progress.fire(new SessionProgress(changed));
    }
  }

  private void answerWith(
      CompletableFuture<Session> answer, LiveSession session, Throwable failure) {
    try {
      Session done = finish(session, failure);
      if (!answer.complete(done)) {
        ender.end(session, EndCause.START_FAILED);
      }
    } catch (RuntimeException e) {
      answer.completeExceptionally(e);
    }
  }

  /**
   * After the readiness wait: a failure ends the session; a ready one is announced (the proxy file
   * gains its line).
   */
  private Session finish(LiveSession session, Throwable waitFailure) {
    try {
      if (waitFailure != null) {
        throw waitFailure instanceof CompletionException && waitFailure.getCause() != null
            ? waitFailure.getCause()
            : waitFailure;
      }
      requireUrls(session);
    } catch (SessionStartException failure) {
      SessionStartException e = withStatus(failure, session.launcher());
      Session ended = ender.end(session, causeOf(e));
      LOG.warning(
          () ->
              "Session "
                  + ended.id()
                  + " of "
                  + ended.application()
                  + " did not start ("
                  + e.getMessage()
                  + "); last output:\n"
                  + session.launcher().outputTail());
      throw e;
    } catch (RuntimeException e) {
      ender.end(session, EndCause.START_FAILED);
      throw e;
    } catch (Throwable e) {
      ender.end(session, EndCause.START_FAILED);
      throw new SessionStartException(
          SessionStartException.Reason.CANNOT_START, "Readiness check failed", e);
    }
    ProductLauncher launcher = session.launcher();
    UnaryOperator<Session> reached;
    try {
      reached = reached(session.snapshot(), launcher);
    } catch (RuntimeException e) {
      // A sessionURL that cannot be made for the reported address: the client cannot connect.
      ender.end(session, EndCause.START_FAILED);
      throw e;
    }
    if (!session.markReady(clock.instant(), reached)) {
      throw withStatus(Readiness.exited(SessionEnder.awaitEnd(session).exitCode()), launcher);
    }
    try {
      changes.fire(SessionChange.of(session));
    } catch (RuntimeException e) {
      // The client is told the session failed; one the proxy cannot route to must not run on.
      ender.end(session, EndCause.START_FAILED);
      throw e;
    }
    return session.snapshot();
  }

  /** Expands the templates and configures the plugin; nothing runs yet. */
  private LiveSession prepare(Admission admitted, LaunchRequest request) {
    AppConfig app = admitted.app();
    SessionTemplates.Expansion expansion =
        SessionTemplates.expand(
            active.current(), app, request, admitted.id(), admitted.resource(), secrets.next());
    PluginResolver.Resolved resolved =
        plugins.resolver().resolve(app.product(), app.mode(), expansion.config());
    ProductLauncher launcher =
        createBounded(
            resolved, SessionContexts.of(config, admitted.id(), admitted.resource(), tasks));
    Session snapshot =
        new Session(
            admitted.id(),
            app.name(),
            admitted.owner(),
            admitted.resource(),
            SessionState.STARTING,
            expansion.data(),
            expansion.secretShared(),
            clock.instant(),
            null,
            null,
            null);
    return new LiveSession(snapshot, resolved.plugin(), launcher, resolved.values());
  }

  /**
   * The plugin's {@code create}, bounded by the start's timeout: a plugin that hangs in it must not
   * hold the request and its admitted slot. Nothing has started yet, so nothing is left to stop.
   */
  private ProductLauncher createBounded(PluginResolver.Resolved resolved, LaunchContext context) {
    Duration limit = active.current().configuration().timeout();
    String call = "Plugin " + resolved.plugin().name() + ": create";
    try {
      return BoundedCall.call(
          tasks::executeLongRunning,
          limit,
          call,
          () -> create(resolved.plugin(), plugins.binder(), resolved.values(), context));
    } catch (PluginTimeoutException e) {
      throw new SessionStartException(SessionStartException.Reason.CANNOT_START, e.getMessage(), e);
    }
  }

  private static <C extends Record> ProductLauncher create(
      LauncherPlugin<C> plugin,
      ConfigBinder binder,
      Map<String, Object> values,
      LaunchContext context) {
    return plugin.create(binder.bind(plugin, values), context);
  }

  private static EndCause causeOf(SessionStartException e) {
    return switch (e.reason()) {
      case TIMEOUT -> EndCause.TIMEOUT;
      case EXITED -> EndCause.EXITED_BEFORE_READY;
      case CANNOT_START, INTERRUPTED -> EndCause.START_FAILED;
    };
  }

  /**
   * What makes the ready session as its product reports it: at the address it chose, if it did (its
   * {@code host}, {@code port} and {@code sessionURL} follow), with its status. Worked out before
   * the move to ready, so that a {@code sessionURL} that cannot be made fails the start.
   */
  private UnaryOperator<Session> reached(Session starting, ProductLauncher launcher) {
    String status = launcher.status().orElse(null);
    Optional<HostPort> address = launcher.address();
    if (address.isEmpty() || address.get().equals(starting.resource())) {
      return ready -> ready.withStatus(status);
    }
    Map<String, Object> data = SessionTemplates.relocated(config, starting.data(), address.get());
    return ready -> ready.withStatus(status).withAddress(address.get()).withData(data);
  }

  /**
   * The failure with the product's own word on where it stood appended (a job still pending and
   * why, or its final state), when its plugin has one: that is what the client needs to know.
   */
  private static SessionStartException withStatus(
      SessionStartException failure, ProductLauncher launcher) {
    Optional<String> status;
    try {
      status = launcher.status();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A plugin's status failed", e);
      return failure;
    }
    return status
        .map(
            text ->
                new SessionStartException(
                    failure.reason(),
                    failure.getMessage()
                        + (failure.getMessage().endsWith(".") ? " " : ". ")
                        + "Status: "
                        + text
                        + ".",
                    failure))
        .orElse(failure);
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
}
