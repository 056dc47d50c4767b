package io.sessionlauncher.rest.proxy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * A servlet request's security as JAX-RS sees it, so that the WebSocket upgrade (a servlet filter)
 * finds its caller exactly as the JAX-RS resources do.
 */
final class ServletCaller implements SecurityContext {
  private final HttpServletRequest request;

  ServletCaller(HttpServletRequest request) {
    this.request = request;
  }

  @Override
  public Principal getUserPrincipal() {
    return request.getUserPrincipal();
  }

  @Override
  public boolean isUserInRole(String role) {
    return request.isUserInRole(role);
  }

  @Override
  public boolean isSecure() {
    return request.isSecure();
  }

  @Override
  public String getAuthenticationScheme() {
    return request.getAuthType();
  }
}
