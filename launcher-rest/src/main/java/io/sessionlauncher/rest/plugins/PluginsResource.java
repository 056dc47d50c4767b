package io.sessionlauncher.rest.plugins;

import io.sessionlauncher.engine.plugin.PluginCatalog;
import io.sessionlauncher.rest.http.InternalRoutes;
import io.sessionlauncher.rest.http.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /plugins}: every plugin the launcher loaded, by product and mode, with its
 * configuration fields and servers, as the engine describes them (see {@link PluginListing}).
 * Requests reach this class through {@link InternalRoutes}; its own path, like the content
 * resource's, holds an {@code @} so that it can never be a session endpoint.
 */
@ApplicationScoped
@Path(InternalRoutes.PLUGINS)
@Produces(Json.TYPE)
public class PluginsResource {
  private PluginCatalog catalog;

  /** For CDI's proxy. */
  protected PluginsResource() {}

  @Inject
  public PluginsResource(PluginCatalog catalog) {
    this.catalog = catalog;
  }

  /** The products, their modes, and each mode's configuration fields and servers. */
  @GET
  public Response list() {
    return Json.response(Response.Status.OK, PluginListing.of(catalog.describe()));
  }
}
