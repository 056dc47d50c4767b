package io.sessionlauncher.rest.proxy;

import io.sessionlauncher.engine.session.SessionChange;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WebSocket connections open through the proxy, by session, so that a session's end closes its
 * connections (1001, going away) the moment it begins, whatever its cause.
 */
@ApplicationScoped
public class ProxiedSockets {
  private final Map<SessionId, Set<WebSocketBridge>> open = new ConcurrentHashMap<>();

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
