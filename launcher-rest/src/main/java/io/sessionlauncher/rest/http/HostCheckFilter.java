package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.rest.security.SignOnSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses, before anything runs, a request whose {@code Host} names no host this launcher answers
 * to: the defence against DNS rebinding, where a page of {@code evil.example}, re-resolved to
 * 127.0.0.1, would call a launcher without sign-on from the visitor's own machine. The names
 * allowed are the loopback ones, {@code configuration.host} and {@code allowed_hosts}. With sign-on
 * on and no {@code allowed_hosts}, any name is taken: such a page carries no login cookie of the
 * launcher's and gets its 401.
 */
@Provider
@PreMatching
@Priority(HostCheckFilter.PRIORITY)
@ApplicationScoped
public class HostCheckFilter implements ContainerRequestFilter {
  /** First of all, before CORS preflights are answered. */
  static final int PRIORITY = Priorities.AUTHENTICATION - 200;

  /** 421 Misdirected Request: the request names a host this server does not serve. */
  static final int MISDIRECTED = 421;

  private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  private Set<String> allowed;
  private boolean anyHost;

  /**
   * For CDI's proxy, and for RESTEasy, which looks for a public constructor before it asks CDI for
   * the instance; the instance in use always comes from CDI, through the injecting constructor.
   */
  public HostCheckFilter() {}

  @Inject
  public HostCheckFilter(LauncherConfig config, SignOnSettings signOn) {
    var configured = config.configuration().http().allowedHosts();
    this.anyHost = configured.contains("*") || (signOn.signOn() && configured.isEmpty());
    Set<String> names = new LinkedHashSet<>();
    for (String name : configured) {
      names.add(name.toLowerCase(Locale.ROOT));
    }
    names.add(config.configuration().host().toLowerCase(Locale.ROOT));
    names.addAll(Set.of("localhost", "127.0.0.1", "[::1]", "::1"));
    this.allowed = Set.copyOf(names);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (anyHost) {
      return;
    }
    String host = RequestHost.of(request);
    String name = withoutPort(host == null ? "" : host.trim()).toLowerCase(Locale.ROOT);
    if (!allowed.contains(name) && !LOOPBACK_V4.matcher(name).matches()) {
      request.abortWith(
          Json.error(
              MISDIRECTED,
              "This launcher does not answer to the host '"
                  + name
                  + "'; an operator may add it to configuration.allowed_hosts"));
    }
  }

  private static String withoutPort(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 || host.indexOf(':') != colon ? host : host.substring(0, colon);
  }
}
