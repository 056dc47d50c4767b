package io.sessionlauncher.rest.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses, before anything runs, a request whose {@code Host} names no host this launcher answers
 * to: the defence against DNS rebinding, where a page of {@code evil.example}, re-resolved to
 * 127.0.0.1, would call a launcher without sign-on from the visitor's own machine. The names
 * allowed are the loopback ones, {@code configuration.host} and {@code allowed_hosts}. With sign-on
 * on and no {@code allowed_hosts}, any name is taken: such a page carries no login cookie of the
 * launcher's and gets its 401. See {@link AllowedHosts}.
 */
@Provider
@PreMatching
@Priority(HostCheckFilter.PRIORITY)
@ApplicationScoped
public class HostCheckFilter implements ContainerRequestFilter {
  /** First of all, before CORS preflights are answered. */
  static final int PRIORITY = Priorities.AUTHENTICATION - 200;

  /** 421 Misdirected Request: the request names a host this server does not serve. */
  public static final int MISDIRECTED = 421;

  private AllowedHosts hosts;

  /**
   * For CDI's proxy, and for RESTEasy, which looks for a public constructor before it asks CDI for
   * the instance; the instance in use always comes from CDI, through the injecting constructor.
   */
  public HostCheckFilter() {}

  @Inject
  public HostCheckFilter(AllowedHosts hosts) {
    this.hosts = hosts;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String refusal = hosts.refusal(RequestHost.of(request));
    if (refusal != null) {
      request.abortWith(Json.error(MISDIRECTED, refusal));
    }
  }
}
