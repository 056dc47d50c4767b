package io.sessionlauncher.rest.proxy;

import java.util.Locale;
import java.util.Set;

/**
 * Which headers stay between the client and the launcher, and are not passed on to a session or
 * back: those of one connection (RFC 9110, section 7.6.1), those the HTTP client sets itself, and
 * the launcher's own credentials, which a session never needs and must not see.
 */
final class HopHeaders {
  /** Of one connection, or set by the client library itself (it refuses to be given them). */
  private static final Set<String> CONNECTION =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length",
          "expect",
          "http2-settings");

  /** Further headers the JDK's HTTP client refuses to be given. */
  private static final Set<String> CLIENT_SETS = Set.of("date", "from", "via", "warning");

  /** The WebSocket handshake's own, made anew for the session's connection. */
  private static final String WEBSOCKET_PREFIX = "sec-websocket-";

  /** The cookies of the server's sign-on: Liberty's login token and its OpenID Connect state. */
  private static final String[] LOGIN_COOKIES = {"ltpatoken", "wasoidc", "wasrequrl", "jsessionid"};

  private HopHeaders() {}

  /** Whether a request header goes on to the session. */
  static boolean forwardsRequest(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !CONNECTION.contains(lower)
        && !CLIENT_SETS.contains(lower)
        && !lower.startsWith(WEBSOCKET_PREFIX)
        && !lower.equals("authorization")
        && !lower.equals("cookie")
        && !lower.startsWith("x-forwarded-")
        && !lower.equals("forwarded");
  }

  /** Whether a response header goes back to the client. */
  static boolean forwardsResponse(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !CONNECTION.contains(lower) && !lower.startsWith(WEBSOCKET_PREFIX);
  }

  /**
   * The request's {@code Cookie} header without the sign-on's cookies, or {@code null} when none is
   * left.
   */
  static String sessionCookies(String cookieHeader) {
    if (cookieHeader == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder();
    for (String cookie : cookieHeader.split(";")) {
      String trimmed = cookie.strip();
      String name = trimmed.split("=", 2)[0].toLowerCase(Locale.ROOT);
      boolean login = false;
      for (String prefix : LOGIN_COOKIES) {
        login |= name.startsWith(prefix);
      }
      if (!login && !trimmed.isEmpty()) {
        kept.append(kept.length() == 0 ? "" : "; ").append(trimmed);
      }
    }
    return kept.length() == 0 ? null : kept.toString();
  }
}
