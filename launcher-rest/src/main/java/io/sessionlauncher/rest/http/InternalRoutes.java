package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.LauncherConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Set;

/**
 * Sends requests outside the session endpoint to the content and upload resources before JAX-RS
 * matches them.
 *
 * <p>The session resource sits at {@code /} with templates such as {@code {endpoint}/{id}}, so a
 * static file at {@code /js/app.js} would be taken for a session id, and a second root resource at
 * {@code /} would be ambiguous in JAX-RS. Instead, {@code GET} and {@code HEAD} of any path whose
 * first segment is not the endpoint are rewritten to {@code /@content/<path>} ({@code /plugins} to
 * {@code /@plugins}), and {@code POST /upload} to {@code /@upload} ({@code POST /admin/reload} to
 * {@code /@admin/reload}). Those names hold an {@code @}, which the endpoint may not (see the
 * config loader), so the rewritten paths can never be a session's. The proxy's paths ({@code
 * /proxy}, {@code /session/...}) are not rewritten either; the endpoint may not take their names
 * (see the config loader). The session endpoint is never rewritten: {@code GET /paraview/<id>} is
 * always the session, even if the content folder has a {@code paraview} sub-folder.
 */
@Provider
@PreMatching
@Priority(InternalRoutes.PRIORITY)
@ApplicationScoped
public class InternalRoutes implements ContainerRequestFilter {
  /** Runs after the CORS preflight filter, so preflights are answered as they arrive. */
  static final int PRIORITY = CorsFilter.PRIORITY + 100;

  /** First segment of the content resource. */
  public static final String CONTENT = "@content";

  /** First segment of the upload resource. */
  public static final String UPLOAD = "@upload";

  /** The public path of the upload resource, as the Twisted launcher had it. */
  public static final String PUBLIC_UPLOAD = "upload";

  /** First segment of the administrators' dashboard. */
  public static final String ADMIN = "@admin";

  /** The public path of the dashboard. */
  static final String PUBLIC_ADMIN = "admin";

  /** First segment of the plugin listing. */
  public static final String PLUGINS = "@plugins";

  /** The public path of the plugin listing. */
  static final String PUBLIC_PLUGINS = "plugins";

  /** First segment of the proxy's ParaViewWeb form, {@code /proxy?sessionId=<id>&path=<path>}. */
  static final String PROXY = "proxy";

  /** First segment of the proxy's path form, {@code /session/<id>/<path>}. */
  static final String SESSION = "session";

  private static final Set<String> INTERNAL = Set.of(CONTENT, UPLOAD, PLUGINS, ADMIN);

  private LauncherConfig config;

  /**
   * For CDI's proxy, and for RESTEasy, which looks for a public constructor before it asks CDI for
   * the instance; the instance in use always comes from CDI, through the injecting constructor.
   */
  public InternalRoutes() {}

  @Inject
  public InternalRoutes(LauncherConfig config) {
    this.config = config;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = relativePath(request);
    int slash = path.indexOf('/');
    // Decoded, as JAX-RS matches: "/paravie%77/<id>" reaches the session resource too.
    String first = PathSegments.decode(slash < 0 ? path : path.substring(0, slash)).orElse("");
    if (first.equals(config.configuration().endpoint())) {
      return;
    }
    if (first.equals(PROXY) || first.equals(SESSION)) {
      // The launcher's proxy to sessions: every method goes there as it came.
      return;
    }
    String method = request.getMethod();
    boolean read = method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
    if (read && (path.equals(PUBLIC_PLUGINS) || path.equals(PUBLIC_PLUGINS + "/"))) {
      rewrite(request, PLUGINS);
    } else if (read && (path.equals(PUBLIC_ADMIN) || path.startsWith(PUBLIC_ADMIN + "/"))) {
      String rest = path.substring(PUBLIC_ADMIN.length());
      rewrite(request, rest.isEmpty() || rest.equals("/") ? ADMIN : ADMIN + rest);
    } else if (read) {
      rewrite(request, path.isEmpty() ? CONTENT : CONTENT + "/" + path);
    } else if (method.equals(HttpMethod.POST)
        && (path.equals(PUBLIC_UPLOAD) || path.equals(PUBLIC_UPLOAD + "/"))) {
      rewrite(request, UPLOAD);
    } else if (method.equals(HttpMethod.POST) && path.equals(PUBLIC_ADMIN + "/reload")) {
      rewrite(request, ADMIN + "/reload");
    } else if (INTERNAL.contains(first)) {
      // Only this filter may route to the internal names; from outside they do not exist.
      request.abortWith(Json.error(404, "No resource at /" + path));
    }
  }

  /** The request path relative to the application, still encoded, without a leading slash. */
  static String relativePath(ContainerRequestContext request) {
    return relativePath(request.getUriInfo());
  }

  /** The same, from a resource's {@link UriInfo}. */
  public static String relativePath(UriInfo uri) {
    String path = uri.getPath(false);
    // Jersey gives "a/b", RESTEasy "/a/b".
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static void rewrite(ContainerRequestContext request, String relative) {
    String query = request.getUriInfo().getRequestUri().getRawQuery();
    String base = request.getUriInfo().getBaseUri().toString();
    // Built as text, not with UriBuilder, which would read "{...}" in a path as a template.
    request.setRequestUri(
        URI.create(
            base
                + (base.endsWith("/") ? "" : "/")
                + relative
                + (query == null ? "" : "?" + query)));
  }
}
