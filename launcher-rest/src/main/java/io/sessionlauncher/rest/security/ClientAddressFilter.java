package io.sessionlauncher.rest.security;

import io.sessionlauncher.engine.os.ClientConnection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import java.io.IOException;

/**
 * Hands the client's address to the JAX-RS layer for the audit trail: JAX-RS has no portable way to
 * ask for it, but in a servlet container a request's properties are its servlet attributes. The
 * address is the one the server saw (behind a reverse proxy, the proxy's, unless the server is told
 * to trust its forwarding headers). Its connection (address and ports) goes with it, so that a
 * client that goes away while its session starts is noticed.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ClientAddressFilter implements jakarta.servlet.Filter {

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    request.setAttribute(SignOnFilter.CLIENT_ADDRESS, request.getRemoteAddr());
    request.setAttribute(
        SignOnFilter.CLIENT_CONNECTION,
        new ClientConnection(
            request.getRemoteAddr(), request.getRemotePort(), request.getLocalPort()));
    chain.doFilter(request, response);
  }
}
