package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.HttpSettings;
import io.sessionlauncher.model.LauncherConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * Cross-origin access driven by {@code cors_origins}. A preflight ({@code OPTIONS} with {@code
 * Origin} and {@code Access-Control-Request-Method}) is answered here, before matching: 204 with
 * the allowed methods and headers for an allowed origin, 403 with a JSON error and no CORS header
 * otherwise (also when no origin is configured, where the reference answers 405). Every other
 * answer to an allowed origin carries {@code Access-Control-Allow-Origin}. An origin is echoed only
 * when it is configured; any other value is never reflected.
 */
@Provider
@PreMatching
@Priority(CorsFilter.PRIORITY)
@ApplicationScoped
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
  /** Before authentication: browsers send preflights without credentials. */
  public static final int PRIORITY = Priorities.AUTHENTICATION - 100;

  static final String ORIGIN = "Origin";
  static final String REQUEST_METHOD = "Access-Control-Request-Method";
  static final String REQUEST_HEADERS = "Access-Control-Request-Headers";
  static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
  static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
  static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
  static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
  static final String MAX_AGE = "Access-Control-Max-Age";

  static final String METHODS = "GET, POST, DELETE, OPTIONS";

  /** Seconds a browser may reuse a preflight's answer. */
  static final String MAX_AGE_SECONDS = "600";

  /** A comma-separated list of header names (RFC 9110 tokens). */
  private static final Pattern HEADER_LIST =
      Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+(\\s*,\\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*");

  private LauncherConfig config;

  private static boolean changesState(String method) {
    return !method.equals(HttpMethod.GET)
        && !method.equals(HttpMethod.HEAD)
        && !method.equals(HttpMethod.OPTIONS);
  }

  /**
   * Whether the page's origin is the launcher's own host (the {@code Host} it was called by, or
   * over HTTP/2, which has no {@code Host} header, the authority of the request URI).
   */
  private static boolean sameOrigin(String origin, ContainerRequestContext request) {
    String host = RequestHost.of(request);
    if (host == null) {
      return false;
    }
    int scheme = origin.indexOf("://");
    return scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
  }

  /**
   * For CDI's proxy, and for RESTEasy, which looks for a public constructor before it asks CDI for
   * the instance; the instance in use always comes from CDI, through the injecting constructor.
   */
  public CorsFilter() {}

  @Inject
  public CorsFilter(LauncherConfig config) {
    this.config = config;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = request.getHeaderString(ORIGIN);
    if (origin != null && changesState(request.getMethod()) && !sameOrigin(origin, request)) {
      // Browsers send a text/plain POST cross-origin without a preflight and only hide the
      // answer: by then a session would run. Such requests are refused before anything starts.
      if (!settings().allowsOrigin(origin)) {
        request.abortWith(
            Json.error(403, "Cross-origin requests from " + origin + " are not allowed"));
        return;
      }
    }
    if (!request.getMethod().equals(HttpMethod.OPTIONS)
        || origin == null
        || request.getHeaderString(REQUEST_METHOD) == null) {
      return;
    }
    HttpSettings http = settings();
    if (!http.allowsOrigin(origin)) {
      request.abortWith(
          Json.error(403, "Cross-origin requests from " + origin + " are not allowed"));
      return;
    }
    String asked = request.getHeaderString(REQUEST_HEADERS);
    request.abortWith(
        Response.noContent()
            .header(ALLOW_ORIGIN, allowOrigin(http, origin))
            .header("Vary", ORIGIN)
            .header(ALLOW_METHODS, METHODS)
            .header(
                ALLOW_HEADERS,
                asked != null && HEADER_LIST.matcher(asked.strip()).matches()
                    ? asked.strip()
                    : "Content-Type")
            .header(MAX_AGE, MAX_AGE_SECONDS)
            .build());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    HttpSettings http = settings();
    if (http.corsOrigins().isEmpty()) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    if (!headers.containsKey(ALLOW_ORIGIN)) {
      // The answer depends on Origin whenever origins are configured: caches must know.
      headers.add("Vary", ORIGIN);
      String origin = request.getHeaderString(ORIGIN);
      if (http.allowsOrigin(origin)) {
        headers.add(ALLOW_ORIGIN, allowOrigin(http, origin));
        // The launcher's 503 asks the client to come back later; a page may read when.
        headers.add(EXPOSE_HEADERS, "Retry-After");
      }
    }
  }

  private HttpSettings settings() {
    return config.configuration().http();
  }

  private static String allowOrigin(HttpSettings http, String origin) {
    return http.corsOrigins().contains("*") ? "*" : origin;
  }
}
