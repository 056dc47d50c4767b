package io.sessionlauncher.rest.admin;

import io.sessionlauncher.engine.access.SessionAccess;
import io.sessionlauncher.engine.reload.ConfigReload;
import io.sessionlauncher.engine.reload.ReloadReport;
import io.sessionlauncher.model.AccessDeniedException;
import io.sessionlauncher.model.Caller;
import io.sessionlauncher.rest.http.InternalRoutes;
import io.sessionlauncher.rest.http.Json;
import io.sessionlauncher.rest.security.CallerSecurityContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The administrators' dashboard at {@code /admin} (reached through {@link InternalRoutes}): a page
 * with a live table of every session, fed by one stream of Server-Sent Events at {@code
 * /admin/events}. The page and its script ship in the WAR, so every deployment has them whatever
 * its {@code content}; the stream is for admins only (without sign-on, everyone is one).
 */
@ApplicationScoped
@Path(InternalRoutes.ADMIN)
public class AdminResource {
  private SessionAccess sessions;
  private AdminEventStreams streams;
  private ConfigReload reload;

  /** For CDI's proxy. */
  protected AdminResource() {}

  @Inject
  public AdminResource(SessionAccess sessions, AdminEventStreams streams, ConfigReload reload) {
    this.sessions = sessions;
    this.streams = streams;
    this.reload = reload;
  }

  /** The dashboard page. */
  @GET
  @Produces(MediaType.TEXT_HTML + "; charset=utf-8")
  public Response page() {
    return shipped("admin.html", MediaType.TEXT_HTML + "; charset=utf-8");
  }

  /** The dashboard's script. */
  @GET
  @Path("admin.js")
  @Produces("text/javascript; charset=utf-8")
  public Response script() {
    return shipped("admin.js", "text/javascript; charset=utf-8");
  }

  /** Every session's changes and the pool's free resources, for admins. */
  @GET
  @Path("events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(
      @Context SecurityContext security, @Context SseEventSink sink, @Context Sse sse) {
    Caller caller = CallerSecurityContext.callerOf(security);
    requireAdmin(caller);
    streams.subscribe(sessions.list(caller), sink, sse);
  }

  /**
   * Reads {@code launcher.json} again and puts it in force, for admins: 200 with what changed, or
   * 409 naming the file and the key when the file is refused (the running configuration stays). The
   * body must be JSON (any, {@code {}} will do): a cross-site form cannot send that without a CORS
   * preflight, so a signed-on admin's browser cannot be made to reload by another site's page.
   */
  @POST
  @Path("reload")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response reload(@Context SecurityContext security) {
    Caller caller = CallerSecurityContext.callerOf(security);
    requireAdmin(caller);
    ReloadReport report = reload.reload(caller.name(), CallerSecurityContext.clientOf(security));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("file", report.file());
    body.put("added", report.added());
    body.put("removed", report.removed());
    body.put("changed", report.changed());
    body.put("sessionsOfRemoved", report.sessionsOfRemoved());
    body.put("resourcesBefore", report.resourcesBefore());
    body.put("resources", report.resources());
    return Json.response(Response.Status.OK, body);
  }

  private void requireAdmin(Caller caller) {
    if (!sessions.isAdmin(caller)) {
      throw new AccessDeniedException(
          "User '" + caller.name() + "' is not an administrator of the launcher");
    }
  }

  private static Response shipped(String name, String type) {
    InputStream resource = AdminResource.class.getResourceAsStream(name);
    if (resource == null) {
      throw new NotFoundException("No resource at /admin/" + name);
    }
    try (resource) {
      return Response.ok(resource.readAllBytes(), type)
          .header("Cache-Control", "no-cache")
          .header("X-Content-Type-Options", "nosniff")
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
