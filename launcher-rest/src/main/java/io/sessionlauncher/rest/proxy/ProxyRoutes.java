package io.sessionlauncher.rest.proxy;

import io.sessionlauncher.engine.access.SessionAccess;
import io.sessionlauncher.engine.session.ProxiedConnection;
import io.sessionlauncher.engine.session.SessionTraffic;
import io.sessionlauncher.model.Caller;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionNotFoundException;
import io.sessionlauncher.model.SessionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Finds the session a proxied request goes to, as the caller may see it: a ready session of the
 * caller's own (any for an admin). Anything else (a malformed, unknown, starting, ended or another
 * user's id) is the same 404, so ids cannot be probed through the proxy either.
 */
@ApplicationScoped
public class ProxyRoutes {
  private SessionAccess access;
  private SessionTraffic traffic;

  /** For CDI's proxy. */
  protected ProxyRoutes() {}

  @Inject
  public ProxyRoutes(SessionAccess access, SessionTraffic traffic) {
    this.access = access;
    this.traffic = traffic;
  }

  /**
   * The ready session {@code request} names, if the caller may reach it.
   *
   * @throws SessionNotFoundException otherwise
   */
  public Session session(Caller caller, ProxyRequest request) {
    return SessionId.parse(request.sessionId())
        .flatMap(id -> access.find(caller, id))
        .filter(session -> session.state() == SessionState.READY)
        .orElseThrow(() -> new SessionNotFoundException(request.sessionId()));
  }

  /**
   * Counts a connection to the session in the engine, for as long as it is open.
   *
   * @throws SessionNotFoundException when the session is no longer ready
   */
  public ProxiedConnection open(Session session) {
    return traffic
        .open(session.id())
        .orElseThrow(() -> new SessionNotFoundException(session.id().toString()));
  }
}
