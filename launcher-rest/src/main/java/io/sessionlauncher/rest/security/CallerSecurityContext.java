package io.sessionlauncher.rest.security;

import io.sessionlauncher.engine.os.ClientConnection;
import io.sessionlauncher.model.Caller;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's security context with the launcher's view of the caller and the client's address,
 * set by {@link SignOnFilter} so every resource gets them through {@code @Context SecurityContext},
 * on Jersey and RESTEasy alike. They travel in the principal, since a runtime may inject a proxy of
 * the context rather than the context itself.
 */
public final class CallerSecurityContext implements SecurityContext {
  private final SecurityContext server;
  private final Caller caller;
  private final String client;
  private final ClientConnection connection;

  CallerSecurityContext(
      SecurityContext server, Caller caller, String client, ClientConnection connection) {
    this.server = server;
    this.caller = Objects.requireNonNull(caller, "caller");
    this.client = client;
    this.connection = connection;
  }

  /** The caller of a request that passed {@link SignOnFilter}, else anonymous. */
  public static Caller callerOf(SecurityContext context) {
    return context != null && context.getUserPrincipal() instanceof KnownCaller known
        ? known.caller()
        : Caller.ANONYMOUS;
  }

  /** The client's address as the server saw it, or {@code null} where it is not known. */
  public static String clientOf(SecurityContext context) {
    return context != null && context.getUserPrincipal() instanceof KnownCaller known
        ? known.client()
        : null;
  }

  /** The client's connection, or empty where the server does not tell it. */
  public static Optional<ClientConnection> connectionOf(SecurityContext context) {
    return context != null && context.getUserPrincipal() instanceof KnownCaller known
        ? Optional.ofNullable(known.connection())
        : Optional.empty();
  }

  @Override
  public Principal getUserPrincipal() {
    return new KnownCaller(caller, client, connection);
  }

  /** The principal as the launcher knows it: the caller, and where the request came from. */
  private record KnownCaller(Caller caller, String client, ClientConnection connection)
      implements Principal {
    @Override
    public String getName() {
      return caller.name();
    }
  }

  @Override
  public boolean isUserInRole(String role) {
    return caller.groups().contains(role) || (server != null && server.isUserInRole(role));
  }

  @Override
  public boolean isSecure() {
    return server != null && server.isSecure();
  }

  @Override
  public String getAuthenticationScheme() {
    return server == null ? null : server.getAuthenticationScheme();
  }
}
