package io.sessionlauncher.rest.proxy;

import io.sessionlauncher.engine.concurrent.BackgroundTasks;
import io.sessionlauncher.engine.session.SessionChange;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

/**
 * The WebSocket connections open through the proxy, by session, so that a session's end closes its
 * connections (1001, going away) the moment it begins, whatever its cause; and, once a second, the
 * check that gives up a connection whose send waits on a side that stopped reading.
 */
@ApplicationScoped
public class ProxiedSockets {
  private static final Duration STALL_CHECK = Duration.ofSeconds(1);

  private final Map<SessionId, Set<WebSocketBridge>> open = new ConcurrentHashMap<>();

  @Inject BackgroundTasks tasks;

  private Future<?> stallCheck;

  @PostConstruct
  void startStallCheck() {
    stallCheck = tasks.scheduleWithFixedDelay(this::closeStalled, STALL_CHECK);
  }

  @PreDestroy
  void stopStallCheck() {
    stallCheck.cancel(false);
  }

  void closeStalled() {
    long now = System.nanoTime();
    open.values().forEach(bridges -> bridges.forEach(bridge -> bridge.closeIfStalled(now)));
  }

  void add(SessionId session, WebSocketBridge bridge) {
    open.computeIfAbsent(session, id -> ConcurrentHashMap.newKeySet()).add(bridge);
  }

  void remove(SessionId session, WebSocketBridge bridge) {
    open.computeIfPresent(
        session, (id, bridges) -> bridges.remove(bridge) && bridges.isEmpty() ? null : bridges);
  }

  /**
   * Runs before the other observers of a change, so that an observer failing (which would skip
   * those after it) cannot keep connections open past their session's end.
   */
  void onChange(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) SessionChange change) {
    if (change.state() != SessionState.STOPPING && change.state() != SessionState.ENDED) {
      return;
    }
    Set<WebSocketBridge> bridges = open.remove(change.session().id());
    if (bridges != null) {
      bridges.forEach(WebSocketBridge::sessionEnded);
    }
  }
}
