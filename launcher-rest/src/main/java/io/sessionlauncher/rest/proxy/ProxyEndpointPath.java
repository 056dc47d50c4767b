package io.sessionlauncher.rest.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The path a proxied WebSocket is upgraded under, as URI templates of the Jakarta WebSocket kind:
 * {@code /proxy}, {@code /session/{id}}, {@code /session/{id}/{p1}} and so on, one variable per
 * path segment, to {@value #DEPTH} segments after the id. Endpoints are deployed under every one of
 * these ({@link ProxyEndpoints}), because some servers (Payara's Tyrus) upgrade a request only to
 * an endpoint deployed under a path that matches it.
 *
 * <p>A template variable takes one whole segment and no more (there is no "the rest of the path" in
 * a WebSocket URI template), so the depth is fixed; {@value #DEPTH} covers the WebSocket paths of
 * the applications a launcher starts (wslink, ParaView and trame use one segment, Jupyter's kernel
 * channels five), and each template costs the server one more comparison per upgrade only.
 *
 * @param path a template, or, for a path deeper than the templates go, the path itself
 * @param parameters the template's variables' values: the request's path segments as sent
 *     (percent-encoded), for the server to put back in place of the variables
 */
record ProxyEndpointPath(String path, Map<String, String> parameters) {
  /** The most path segments after the session id that a template covers. */
  static final int DEPTH = 16;

  private static final String ID = "id";

  ProxyEndpointPath {
    parameters = Map.copyOf(parameters);
  }

  /** Every template, {@code /proxy} first: the paths the proxy's endpoints are deployed under. */
  static List<String> templates() {
    List<String> templates = new ArrayList<>();
    templates.add(ProxyRequest.PROXY);
    for (int segments = 0; segments <= DEPTH; segments++) {
      templates.add(template(segments));
    }
    return templates;
  }

  /**
   * The template that matches a proxied request's path, with its variables' values.
   *
   * @param path the request's path relative to the application's root, percent-encoded as sent:
   *     {@code /proxy}, or {@code /session/} and more
   * @return the template and values, or for a path deeper than {@value #DEPTH} segments after the
   *     id, the path itself and no values
   */
  static ProxyEndpointPath of(String path) {
    if (!path.startsWith(ProxyRequest.SESSION)) {
      return new ProxyEndpointPath(path, Map.of());
    }
    // Split as the servers split a path into segments: every '/', empty segments kept (a
    // trailing '/' is one more, empty segment).
    String[] segments = path.substring(ProxyRequest.SESSION.length()).split("/", -1);
    if (segments.length - 1 > DEPTH) {
      return new ProxyEndpointPath(path, Map.of());
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put(ID, segments[0]);
    for (int segment = 1; segment < segments.length; segment++) {
      values.put(variable(segment), segments[segment]);
    }
    return new ProxyEndpointPath(template(segments.length - 1), values);
  }

  /** The template of {@code /session/{id}} and {@code segments} more segments. */
  private static String template(int segments) {
    StringBuilder template =
        new StringBuilder(ProxyRequest.SESSION).append('{').append(ID).append('}');
    for (int segment = 1; segment <= segments; segment++) {
      template.append("/{").append(variable(segment)).append('}');
    }
    return template.toString();
  }

  /** Whether {@link #path()} is a template an endpoint is deployed under. */
  boolean deployed() {
    return path.equals(ProxyRequest.PROXY) || !parameters.isEmpty();
  }

  private static String variable(int segment) {
    return "p" + segment;
  }
}
