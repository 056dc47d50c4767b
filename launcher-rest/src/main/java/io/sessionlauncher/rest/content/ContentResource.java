package io.sessionlauncher.rest.content;

import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.rest.http.InternalRoutes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Date;

/**
 * The {@code content} folder as static files at {@code /}: {@code GET /} redirects to {@code
 * index.html} as the reference does, a file is sent with the type of its extension, a folder
 * redirects to its {@code index.html} when it has one, and nothing is ever listed. {@code HEAD} is
 * answered by the runtime from {@code GET}. Requests reach this class through {@link
 * InternalRoutes}; its own path is not public.
 */
@ApplicationScoped
@Path(InternalRoutes.CONTENT)
public class ContentResource {
  private LauncherConfig config;

  /** For CDI's proxy. */
  protected ContentResource() {}

  @Inject
  public ContentResource(LauncherConfig config) {
    this.config = config;
  }

  /** {@code GET /}: to the index page, whether or not it exists, as the reference answers. */
  @GET
  public Response root() {
    folder("");
    return Response.status(Response.Status.FOUND).location(URI.create(ContentFolder.INDEX)).build();
  }

  /**
   * {@code GET /<path>}: the file, or a redirect to a folder's index page, or 404. The path is read
   * from the request URI rather than from the template's parameter: RESTEasy drops a trailing slash
   * from parameters, and a trailing slash must mean "a folder" on every runtime.
   */
  @GET
  @Path("{path: .+}")
  public Response file(@Context UriInfo uri, @Context Request request) {
    String path = InternalRoutes.relativePath(uri).substring(InternalRoutes.CONTENT.length() + 1);
    ContentFolder.Lookup found = folder(path).find(path);
    return switch (found.kind()) {
      case FILE -> send(found, path, request);
      // Relative to the application's base URI: the runtime makes it absolute from there, so
      // "/js" and "/js/" both land on "/js/index.html".
      case FOLDER ->
          Response.status(Response.Status.FOUND).location(URI.create(found.index())).build();
      case MISSING -> throw notFound(path);
    };
  }

  private ContentFolder folder(String path) {
    java.nio.file.Path content = config.configuration().content();
    if (content == null) {
      throw notFound(path);
    }
    return new ContentFolder(content);
  }

  @SuppressWarnings("JavaUtilDate") // JAX-RS takes and writes Last-Modified as a java.util.Date
  private static Response send(ContentFolder.Lookup found, String path, Request request) {
    java.nio.file.Path file = found.file();
    long size;
    Date modified;
    try {
      size = Files.size(file);
      // HTTP dates have whole seconds; compare in the same unit or If-Modified-Since never hits.
      modified = new Date(Files.getLastModifiedTime(file).toMillis() / 1000 * 1000);
    } catch (IOException e) {
      // Removed or made unreadable since the lookup.
      throw notFound(path);
    }
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(modified);
    if (unchanged != null) {
      return unchanged.lastModified(modified).build();
    }
    return Response.ok(file.toFile(), ContentTypes.of(found.name()))
        .header(HttpHeaders.CONTENT_LENGTH, size)
        .lastModified(modified)
        // Browsers must not guess a script or page out of a file sent as something else.
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private static NotFoundException notFound(String path) {
    return new NotFoundException("No resource at /" + path);
  }
}
