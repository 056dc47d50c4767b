package io.sessionlauncher.engine.session;

import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.ProductLauncher;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The launcher's mutable record of one running session: its latest snapshot, its plugin and product
 * launcher, and the promise of its end. State only moves forward (starting, ready, stopping,
 * ended), and only one caller gets to end it.
 */
final class LiveSession {
  private volatile Session snapshot;
  private final LauncherPlugin<?> plugin;
  private final ProductLauncher launcher;
  private final Map<String, Object> pluginConfig;
  private EndCause endCause;
  private volatile java.time.Instant lastActive;
  private volatile boolean everReady;
  private final java.util.concurrent.atomic.AtomicInteger proxiedConnections =
      new java.util.concurrent.atomic.AtomicInteger();
  private final CompletableFuture<Session> ended = new CompletableFuture<>();

  /**
   * @param plugin the plugin that started it, or {@code null} for a session adopted after a restart
   */
  LiveSession(Session snapshot, LauncherPlugin<?> plugin, ProductLauncher launcher) {
    this(snapshot, plugin, launcher, null);
  }

  /**
   * @param pluginConfig the plugin configuration values it was started with, recorded with a
   *     product found again by its reference; {@code null} when not known
   */
  LiveSession(
      Session snapshot,
      LauncherPlugin<?> plugin,
      ProductLauncher launcher,
      Map<String, Object> pluginConfig) {
    this.snapshot = snapshot;
    this.plugin = plugin;
    this.launcher = launcher;
    this.pluginConfig = pluginConfig;
    this.lastActive = snapshot.createdAt();
  }

  /** What finds the product again after a restart, when its plugin gives a reference. */
  Optional<ProductReference> reference() {
    if (pluginConfig == null) {
      return Optional.empty();
    }
    return launcher.reference().map(value -> new ProductReference(value, pluginConfig));
  }

  /** Whether a client was ever told this session is ready. */
  boolean everReady() {
    return everReady;
  }

  /** The last moment someone was seen connected, or the creation time. */
  java.time.Instant lastActive() {
    return lastActive;
  }

  void touch(java.time.Instant now) {
    lastActive = now;
  }

  /** Connections open through the launcher's proxy now. */
  int proxiedConnections() {
    return proxiedConnections.get();
  }

  /** Counts a proxied connection; returns how many are open now. */
  int connectionOpened(java.time.Instant now) {
    lastActive = now;
    return proxiedConnections.incrementAndGet();
  }

  /** Counts a proxied connection's end; returns how many are open now. */
  int connectionClosed(java.time.Instant now) {
    lastActive = now;
    return proxiedConnections.decrementAndGet();
  }

  Session snapshot() {
    return snapshot;
  }

  /** What runs the session, for messages: its plugin's name, or that it was adopted. */
  String runBy() {
    return plugin == null ? "adopted process" : "plugin " + plugin.name();
  }

  LauncherPlugin<?> plugin() {
    return plugin;
  }

  ProductLauncher launcher() {
    return launcher;
  }

  /** Moves from starting to ready; false if an end has begun meanwhile. */
  boolean markReady(java.time.Instant now) {
    return markReady(now, java.util.function.UnaryOperator.identity());
  }

  /**
   * Moves from starting to ready, the ready snapshot made by {@code reached} (where the product
   * reported it is reached, its status); false if an end has begun meanwhile.
   */
  synchronized boolean markReady(
      java.time.Instant now, java.util.function.UnaryOperator<Session> reached) {
    if (snapshot.state() != SessionState.STARTING) {
      return false;
    }
    snapshot = reached.apply(snapshot.withState(SessionState.READY));
    lastActive = now;
    everReady = true;
    return true;
  }

  /**
   * Takes the product's new status while the session is starting.
   *
   * @return the new snapshot, or {@code null} when the session is no longer starting or the status
   *     is unchanged
   */
  synchronized Session updateStatus(String status) {
    if (snapshot.state() != SessionState.STARTING
        || java.util.Objects.equals(status, snapshot.status())) {
      return null;
    }
    snapshot = snapshot.withStatus(status);
    return snapshot;
  }

  /**
   * Claims the end of this session for {@code cause}.
   *
   * @return whether the caller is the one to carry it out
   */
  synchronized boolean beginEnd(EndCause cause) {
    if (endCause != null) {
      return false;
    }
    endCause = cause;
    snapshot = snapshot.withState(SessionState.STOPPING);
    return true;
  }

  void finish(Session endedSnapshot) {
    snapshot = endedSnapshot;
    ended.complete(endedSnapshot);
  }

  /** Completes with the ended snapshot once the end has been carried out. */
  CompletableFuture<Session> ended() {
    return ended;
  }
}
