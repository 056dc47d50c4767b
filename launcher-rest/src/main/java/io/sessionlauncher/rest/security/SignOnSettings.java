package io.sessionlauncher.rest.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether the server signs its users on, and what an operator allowed without it. Read from
 * MicroProfile Config, so {@code server.xml} variables, system properties and the environment set
 * them: {@value #SIGN_ON} is set by the sign-on configuration of the server, {@value
 * #ALLOW_ANONYMOUS} is the one switch that lets a launcher without sign-on listen beyond loopback,
 * {@value #HOST} is the address the server's HTTP endpoint binds.
 *
 * @param signOn whether requests must carry a signed-on principal
 * @param allowAnonymous whether the operator accepts a launcher without sign-on on a non-loopback
 *     address
 * @param host the address the server listens on ({@code *} and {@code 0.0.0.0} for every address),
 *     or {@code null} where the server does not say (no {@value #HOST} in its configuration:
 *     Payara, whose listener addresses are the server's own configuration); then {@link
 *     LoopbackOnlyFilter} checks each request's local address instead
 * @param groupsClaim the claim of the provider's tokens that lists a user's groups ({@value
 *     #GROUPS_CLAIM}, default {@code groups})
 */
public record SignOnSettings(
    boolean signOn, boolean allowAnonymous, String host, String groupsClaim) {

  /** Set to {@code true} by the server's sign-on configuration. */
  public static final String SIGN_ON = "launcher.signOn";

  /** The switch that allows anonymous use beyond loopback. */
  public static final String ALLOW_ANONYMOUS = "launcher.allowAnonymous";

  /** The server variable naming the claim that lists a user's groups. */
  public static final String GROUPS_CLAIM = "signOn.groupsClaim";

  /** The server variable of the HTTP endpoint's address. */
  public static final String HOST = "http.host";

  /** With the usual groups claim. */
  public SignOnSettings(boolean signOn, boolean allowAnonymous, String host) {
    this(signOn, allowAnonymous, host, "groups");
  }

  /** Whether the application knows the address its server listens on. */
  public boolean hostKnown() {
    return host != null;
  }

  /** Whether the server can only be reached from this machine. */
  public boolean loopbackOnly() {
    return isLoopback(host);
  }

  /** Whether {@code address} is a literal loopback address, or {@code localhost}. */
  public static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    String name = address.trim();
    if (name.equals("localhost")) {
      return true;
    }
    if (name.equals("*") || !name.matches("[0-9.]+|\\[?[0-9A-Fa-f:]+]?")) {
      // A host name could resolve to anything tomorrow; only literal addresses count.
      return false;
    }
    try {
      return InetAddress.getByName(name.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
