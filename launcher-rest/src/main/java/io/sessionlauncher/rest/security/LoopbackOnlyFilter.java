package io.sessionlauncher.rest.security;

import io.sessionlauncher.rest.http.Json;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Without sign-on, serves only requests that reached the server on a loopback address, unless the
 * operator allowed anonymous use with {@value SignOnSettings#ALLOW_ANONYMOUS}; any other is 403
 * with the usual JSON body, before anything else of the launcher sees it (pages, API, the proxy's
 * WebSocket upgrades). {@link SignOnGuard} refuses to start where it knows the server listens
 * beyond loopback; this filter covers servers that do not tell the application where they listen
 * (Payara Micro and Payara Server listen on every interface by default). Declared first in {@code
 * web.xml}, so that it runs before the annotated filters.
 */
public class LoopbackOnlyFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(LoopbackOnlyFilter.class.getName());

  static final String REFUSAL =
      "This launcher has no sign-on and serves loopback only: configure sign-on (README,"
          + " \"Sign-on\"), or set "
          + SignOnSettings.ALLOW_ANONYMOUS
          + "=true to allow anonymous use from the network";

  @Inject private transient SignOnSettings settings;

  /** The first refusal is a warning; the rest are not, so that nobody can flood the log. */
  private final AtomicBoolean warned = new AtomicBoolean();

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (settings.signOn()
        || settings.allowAnonymous()
        || SignOnSettings.isLoopback(request.getLocalAddr())) {
      chain.doFilter(request, response);
      return;
    }
    LOG.log(
        warned.compareAndSet(false, true) ? Level.WARNING : Level.FINE,
        () ->
            "Refused a request from "
                + request.getRemoteAddr()
                + " that reached the server on "
                + request.getLocalAddr()
                + ": no sign-on, and "
                + SignOnSettings.ALLOW_ANONYMOUS
                + " is not set (later refusals are logged at FINE)");
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType(Json.TYPE);
    response.getWriter().write(Json.write(Map.<String, Object>of("error", REFUSAL)));
  }
}
