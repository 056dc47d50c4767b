package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.rest.security.SignOnSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host names a request may be sent to: the loopback ones, {@code configuration.host} and {@code
 * allowed_hosts}; with sign-on on and no {@code allowed_hosts}, any. The defence against DNS
 * rebinding, for the JAX-RS requests ({@link HostCheckFilter}) and the proxy's WebSocket upgrades
 * alike.
 */
@ApplicationScoped
public class AllowedHosts {
  private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  private Set<String> allowed;
  private boolean anyHost;

  /** For CDI's proxy. */
  protected AllowedHosts() {}

  @Inject
  public AllowedHosts(LauncherConfig config, SignOnSettings signOn) {
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

  /**
   * Why a request to {@code host} (a {@code Host} header's {@code name[:port]}, or {@code null}) is
   * refused, or {@code null} when it is not.
   */
  public String refusal(String host) {
    if (anyHost) {
      return null;
    }
    String name = withoutPort(host == null ? "" : host.trim()).toLowerCase(Locale.ROOT);
    if (allowed.contains(name) || LOOPBACK_V4.matcher(name).matches()) {
      return null;
    }
    return "This launcher does not answer to the host '"
        + name
        + "'; an operator may add it to configuration.allowed_hosts";
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
