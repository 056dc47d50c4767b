package io.sessionlauncher.rest.proxy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

/**
 * A WebSocket upgrade's request as the server's WebSocket support is given it: asking for the HTTP
 * session gives the caller's existing one, or none, rather than making one. Liberty's handshake
 * asks for it on every upgrade (for {@code HandshakeRequest.getHttpSession()}, which the bridge
 * never uses), and a session made there outlived the proxied connection until its timeout, one more
 * with every reconnect.
 */
final class NoNewHttpSession extends HttpServletRequestWrapper {
  NoNewHttpSession(HttpServletRequest request) {
    super(request);
  }

  @Override
  public HttpSession getSession() {
    return getSession(false);
  }

  @Override
  public HttpSession getSession(boolean create) {
    return super.getSession(false);
  }
}
