package io.sessionlauncher.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Routes {@code GET /plugins} to the {@link PluginsResource}.
 *
 * <p>{@link InternalRoutes} sends every {@code GET} outside the session endpoint to the content
 * folder, {@code /plugins} included. This filter runs right after it and takes {@code plugins}
 * back: {@code /@content/plugins} becomes {@code /@plugins}. When the endpoint itself is named
 * {@code plugins}, InternalRoutes leaves the path alone and so does this filter: sessions win. A
 * file named {@code plugins} at the top of the content folder is not served.
 */
@Provider
@PreMatching
@Priority(PluginsRoute.PRIORITY)
public class PluginsRoute implements ContainerRequestFilter {
  /** Right after {@link InternalRoutes}, whose rewriting this one undoes for one path. */
  static final int PRIORITY = InternalRoutes.PRIORITY + 1;

  /** The public path. */
  static final String PUBLIC = "plugins";

  /** The resource's own path. */
  static final String INTERNAL = "@plugins";

  private static final String REWRITTEN = InternalRoutes.CONTENT + "/" + PUBLIC;

  @Override
  public void filter(ContainerRequestContext request) {
    String method = request.getMethod();
    if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
      return;
    }
    String path = InternalRoutes.relativePath(request);
    if (path.equals(REWRITTEN) || path.equals(REWRITTEN + "/")) {
      String query = request.getUriInfo().getRequestUri().getRawQuery();
      String base = request.getUriInfo().getBaseUri().toString();
      request.setRequestUri(
          URI.create(
              base
                  + (base.endsWith("/") ? "" : "/")
                  + INTERNAL
                  + (query == null ? "" : "?" + query)));
    }
  }
}
