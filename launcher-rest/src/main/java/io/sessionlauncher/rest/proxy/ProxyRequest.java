package io.sessionlauncher.rest.proxy;

import io.sessionlauncher.model.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a request to the launcher's proxy goes, read from its path and query: {@code
 * /proxy?sessionId=<id>&path=<path>} (the URL of the ParaViewWeb Apache guide; the query's other
 * parameters go on to the session) or {@code /session/<id>/<path>} (its query goes on unchanged).
 *
 * @param sessionId the session's id as the client wrote it (checked by whoever looks it up)
 * @param rawPath the path at the session, beginning with {@code /}, percent-encoded as sent
 * @param rawQuery the query for the session, percent-encoded, or {@code null} for none
 */
public record ProxyRequest(String sessionId, String rawPath, String rawQuery) {
  /** The proxy's path of the ParaViewWeb form. */
  public static final String PROXY = "/proxy";

  /** The prefix of the path form. */
  public static final String SESSION = "/session/";

  /** What a path at the session may hold: RFC 3986 path characters and percent escapes. */
  private static final Pattern RAW_PATH = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+,;=:@%-]*)+");

  private static final Pattern RAW_QUERY = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*");

  /** Whether the launcher's proxy serves this path (relative to the application's root). */
  public static boolean isProxied(String path) {
    return path.equals(PROXY) || path.startsWith(SESSION);
  }

  /**
   * Reads a proxied request.
   *
   * @param path the request's path relative to the application's root, percent-encoded, e.g. {@code
   *     /session/<id>/ws}
   * @param rawQuery the request's query, percent-encoded, or {@code null}
   * @throws InvalidRequestException when the session id is missing, or the path is not one a URL
   *     can hold
   */
  public static ProxyRequest parse(String path, String rawQuery) {
    ProxyRequest request =
        path.equals(PROXY)
            ? fromQuery(rawQuery)
            : fromPath(path.substring(SESSION.length()), rawQuery);
    if (!RAW_PATH.matcher(request.rawPath()).matches()) {
      throw new InvalidRequestException(
          "The path for the session is not a valid URL path: " + request.rawPath());
    }
    if (request.rawQuery() != null && !RAW_QUERY.matcher(request.rawQuery()).matches()) {
      throw new InvalidRequestException("The query for the session is not a valid URL query");
    }
    return request;
  }

  private static ProxyRequest fromPath(String rest, String rawQuery) {
    int slash = rest.indexOf('/');
    String id = slash < 0 ? rest : rest.substring(0, slash);
    if (id.isEmpty()) {
      throw new InvalidRequestException(
          "The session id is missing: the proxy's paths are /session/<id>/<path>");
    }
    String rawPath = slash < 0 ? "/" : rest.substring(slash);
    return new ProxyRequest(decode(id), rawPath, rawQuery);
  }

  private static ProxyRequest fromQuery(String rawQuery) {
    String id = null;
    String path = null;
    List<String> rest = new ArrayList<>();
    for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (name.equals("sessionId") && id == null) {
        id = value;
      } else if (name.equals("path") && path == null) {
        path = value;
      } else if (!pair.isEmpty()) {
        rest.add(pair);
      }
    }
    if (id == null || id.isEmpty()) {
      throw new InvalidRequestException(
          "The session id is missing: the proxy's address is /proxy?sessionId=<id>&path=<path>");
    }
    return new ProxyRequest(
        id, encodePath(path == null ? "" : path), rest.isEmpty() ? null : String.join("&", rest));
  }

  /** {@code path} as a URL path: a leading {@code /} added, characters percent-encoded. */
  private static String encodePath(String path) {
    String absolute = path.startsWith("/") ? path : "/" + path;
    try {
      return new URI(null, null, absolute, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new InvalidRequestException("The path for the session is not valid: " + e.getReason());
    }
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("The proxy's query has a bad percent escape: " + text);
    }
  }

  /** The session's URL for this request: {@code scheme://host:port/path?query}. */
  public URI target(String scheme, String host, int port) {
    String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    return URI.create(
        scheme + "://" + authority + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
  }
}
