package io.sessionlauncher.engine.session;

import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * The engine's side of the launcher's proxy: connections to a ready session are counted, and their
 * traffic is activity for {@code idle_timeout}. Exact, and it works for sessions on other hosts,
 * where the kernel's connection table of this machine sees nothing. Each open and close is a {@link
 * ProxiedConnectionsChange} event.
 */
@ApplicationScoped
public class SessionTraffic {
  private SessionRegistry registry;
  private Clock clock;
  private Event<ProxiedConnectionsChange> changes;

  /** For CDI's proxy. */
  protected SessionTraffic() {}

  @Inject
  public SessionTraffic(
      SessionRegistry registry, Clock clock, Event<ProxiedConnectionsChange> changes) {
    this.registry = registry;
    this.clock = clock;
    this.changes = changes;
  }

  /**
   * Counts a new proxied connection to the session, if it is ready; empty for an unknown, starting,
   * stopping or ended one.
   */
  public Optional<ProxiedConnection> open(SessionId id) {
    return registry
        .live(id)
        .filter(session -> session.snapshot().state() == SessionState.READY)
        .map(session -> new ProxiedConnection(session, clock, changes::fire));
  }

  /** Traffic to the session passed now, outside any counted connection (a plain HTTP request). */
  public void touch(SessionId id) {
    registry.live(id).ifPresent(session -> session.touch(clock.instant()));
  }

  /** What the proxy has seen of a live session; empty once it has ended. */
  public Optional<SessionActivity> activity(SessionId id) {
    return registry
        .live(id)
        .map(session -> new SessionActivity(session.proxiedConnections(), session.lastActive()));
  }

  /** Connections open through the proxy to every live session. */
  public int openConnections() {
    int open = 0;
    for (LiveSession session : registry.liveSessions()) {
      open += session.proxiedConnections();
    }
    return open;
  }
}
