package io.sessionlauncher.rest.sessions;

import io.sessionlauncher.engine.session.SessionManager;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionNotFoundException;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.rest.http.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The session resource of the launcher contract: {@code POST /<endpoint>/} starts a session, {@code
 * GET} and {@code DELETE /<endpoint>/<id>} show and stop one. The endpoint's name comes from {@code
 * launcher.json}, so the path is matched here rather than fixed in an annotation.
 */
@ApplicationScoped
@Path("/")
@Produces(Json.TYPE)
public class SessionResource {
  /**
   * {@code /<endpoint>/<id>}, also with a doubled slash: the wslink client joins its endpoint
   * {@code "paraview/"} and the id with another {@code "/"}.
   */
  static final String SESSION_PATH = "{endpoint: [^/]+}/{id: /*[^/]+}";

  private SessionManager sessions;
  private LauncherConfig config;

  /** For CDI's proxy. */
  protected SessionResource() {}

  @Inject
  public SessionResource(SessionManager sessions, LauncherConfig config) {
    this.sessions = sessions;
    this.config = config;
  }

  /**
   * Starts a session and answers once it is ready. The request's thread is given back to the server
   * as soon as the process runs: a hundred launches waiting for their sessions hold no threads.
   */
  @POST
  @Path("{endpoint: [^/]+}")
  @Consumes(MediaType.WILDCARD)
  public void create(
      @PathParam("endpoint") String endpoint,
      @Context SecurityContext security,
      InputStream body,
      @Suspended AsyncResponse response) {
    requireEndpoint(endpoint);
    LaunchRequest request = LaunchRequestReader.read(body, owner(security));
    var unused =
        sessions
            .createAsync(request)
            .whenComplete(
                (session, failure) -> {
                  if (failure == null) {
                    response.resume(
                        Json.response(Response.Status.OK, session.publicView(fields())));
                  } else {
                    response.resume(
                        failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure);
                  }
                });
  }

  /** The session's public view with its state; ended sessions stay visible for a while. */
  @GET
  @Path(SESSION_PATH)
  public Response get(@PathParam("endpoint") String endpoint, @PathParam("id") String path) {
    requireEndpoint(endpoint);
    String id = withoutSlashes(path);
    Session session =
        SessionId.parse(id)
            .flatMap(sessions::find)
            .orElseThrow(() -> new SessionNotFoundException(id));
    return Json.response(Response.Status.OK, withState(session));
  }

  /** Stops the session and returns its public view, never its command. */
  @DELETE
  @Path(SESSION_PATH)
  public Response delete(@PathParam("endpoint") String endpoint, @PathParam("id") String path) {
    requireEndpoint(endpoint);
    String id = withoutSlashes(path);
    SessionId sessionId = SessionId.parse(id).orElseThrow(() -> new SessionNotFoundException(id));
    return Json.response(Response.Status.OK, withState(sessions.stop(sessionId)));
  }

  private Map<String, Object> withState(Session session) {
    Map<String, Object> view = new java.util.LinkedHashMap<>(session.publicView(fields()));
    view.put("state", session.state().name().toLowerCase(Locale.ROOT));
    if (session.state() == SessionState.ENDED) {
      if (session.endCause() != null) {
        view.put("endCause", session.endCause().name().toLowerCase(Locale.ROOT));
      }
      if (session.exitCode() != null) {
        view.put("exitCode", session.exitCode());
      }
    }
    return view;
  }

  private java.util.List<String> fields() {
    return config.configuration().fields();
  }

  private static String withoutSlashes(String path) {
    int start = 0;
    while (start < path.length() && path.charAt(start) == '/') {
      start++;
    }
    return path.substring(start);
  }

  private void requireEndpoint(String endpoint) {
    if (!config.configuration().endpoint().equals(endpoint)) {
      throw new NotFoundException("No resource at /" + endpoint);
    }
  }

  private static String owner(SecurityContext security) {
    Principal principal = security == null ? null : security.getUserPrincipal();
    return principal == null || principal.getName() == null || principal.getName().isBlank()
        ? LaunchRequest.ANONYMOUS
        : principal.getName();
  }
}
