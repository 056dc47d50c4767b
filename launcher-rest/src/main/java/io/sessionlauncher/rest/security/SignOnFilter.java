package io.sessionlauncher.rest.security;

import io.sessionlauncher.engine.access.SessionAccess;
import io.sessionlauncher.engine.audit.AuditTrail;
import io.sessionlauncher.engine.os.ClientConnection;
import io.sessionlauncher.model.AccessDeniedException;
import io.sessionlauncher.model.Caller;
import io.sessionlauncher.model.SignOnRequiredException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets a request in only from a caller the launcher knows: with sign-on, one the server
 * authenticated (else 401) who is in a user or admin group (else 403). Every request passes here
 * (pages, uploads, plugin listing, sessions) except CORS preflights, which browsers send without
 * credentials and which the CORS filter answers first. The caller and the client's address then
 * travel with the request in its {@link CallerSecurityContext}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION + 100)
@ApplicationScoped
public class SignOnFilter implements ContainerRequestFilter {
  /** Request attribute holding the client's address, set by {@link ClientAddressFilter}. */
  public static final String CLIENT_ADDRESS = "io.sessionlauncher.clientAddress";

  /**
   * Request attribute holding the client's {@link io.sessionlauncher.engine.os.ClientConnection},
   * set by {@link ClientAddressFilter}.
   */
  public static final String CLIENT_CONNECTION = "io.sessionlauncher.clientConnection";

  /** The audit trail's user of a request without one. */
  static final String UNKNOWN_USER = "-";

  private Callers callers;
  private SessionAccess access;
  private AuditTrail audit;

  /**
   * For CDI's proxy, and for RESTEasy, which looks for a public constructor before it asks CDI for
   * the instance; the instance in use always comes from CDI, through the injecting constructor.
   */
  public SignOnFilter() {}

  @Inject
  public SignOnFilter(Callers callers, SessionAccess access, AuditTrail audit) {
    this.callers = callers;
    this.access = access;
    this.audit = audit;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getMethod().equals(HttpMethod.OPTIONS)) {
      return;
    }
    Object address = request.getProperty(CLIENT_ADDRESS);
    String client = address == null ? null : address.toString();
    Caller caller = callers.of(request.getSecurityContext());
    if (caller == null) {
      audit.record("refused", UNKNOWN_USER, null, null, client, "not signed on");
      throw new SignOnRequiredException(
          "Sign-on required: send a bearer token from the identity provider, or sign on in the"
              + " browser");
    }
    try {
      access.requireUser(caller);
    } catch (AccessDeniedException e) {
      audit.record("refused", caller.name(), null, null, client, "forbidden");
      throw e;
    }
    request.setSecurityContext(
        new CallerSecurityContext(
            request.getSecurityContext(),
            caller,
            client,
            request.getProperty(CLIENT_CONNECTION) instanceof ClientConnection connection
                ? connection
                : null));
  }
}
