package io.sessionlauncher.rest.sessions;

import io.sessionlauncher.engine.access.SessionAccess;
import io.sessionlauncher.engine.audit.AuditTrail;
import io.sessionlauncher.engine.config.ActiveConfig;
import io.sessionlauncher.engine.session.ClientWatch;
import io.sessionlauncher.engine.session.Launch;
import io.sessionlauncher.engine.session.SessionTraffic;
import io.sessionlauncher.model.AccessDeniedException;
import io.sessionlauncher.model.Caller;
import io.sessionlauncher.model.InvalidRequestException;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.LauncherException;
import io.sessionlauncher.model.LimitReachedException;
import io.sessionlauncher.model.ResourcesExhaustedException;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionNotFoundException;
import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.rest.http.Json;
import io.sessionlauncher.rest.security.CallerSecurityContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  private SessionAccess sessions;
  private LauncherConfig config;
  private AuditTrail audit;
  private SessionEventStreams streams;
  private SessionTraffic traffic;
  private ClientWatch clientWatch;
  private ActiveConfig active;

  /** For CDI's proxy. */
  protected SessionResource() {}

  @Inject
  public SessionResource(
      SessionAccess sessions,
      LauncherConfig config,
      AuditTrail audit,
      SessionEventStreams streams,
      SessionTraffic traffic,
      ClientWatch clientWatch,
      ActiveConfig active) {
    this.sessions = sessions;
    this.config = config;
    this.audit = audit;
    this.streams = streams;
    this.traffic = traffic;
    this.clientWatch = clientWatch;
    this.active = active;
  }

  /**
   * Starts a session owned by the caller and answers once it is ready. The request's thread is
   * given back to the server as soon as the process runs: a hundred launches waiting for their
   * sessions hold no threads. With {@code Prefer: respond-async} (RFC 7240) the answer is 202 at
   * once, with the session in state {@code starting} and its URL in {@code Location}, for a client
   * that follows it with GET or its {@code /events}. A client that closes its connection before the
   * session is ready has the session ended ({@link ClientWatch}).
   */
  @POST
  @Path("{endpoint: [^/]+}")
  @Consumes(MediaType.WILDCARD)
  public void create(
      @PathParam("endpoint") String endpoint,
      @HeaderParam("Prefer") String prefer,
      @Context UriInfo uri,
      @Context SecurityContext security,
      InputStream body,
      @Suspended AsyncResponse response) {
    requireEndpoint(endpoint);
    Caller caller = CallerSecurityContext.callerOf(security);
    String client = CallerSecurityContext.clientOf(security);
    // Read while the request's context is certainly there: RESTEasy's injected proxy of it can
    // be empty once the launch has run CDI observers on this thread (seen on Liberty).
    var connection = CallerSecurityContext.connectionOf(security);
    LaunchRequest request = LaunchRequestReader.read(body, caller.name());
    Launch launch;
    try {
      launch = sessions.launch(caller, request);
    } catch (LauncherException e) {
      audit.record("refused", caller.name(), request.application(), null, client, outcome(e));
      throw e;
    }
    boolean answered = false;
    if (respondAsync(prefer) && !launch.ready().isDone()) {
      var starting = sessions.find(caller, launch.id());
      if (starting.isPresent()) {
        response.resume(
            Response.status(Response.Status.ACCEPTED)
                .location(
                    uri.getBaseUriBuilder().path(endpoint).path(launch.id().toString()).build())
                .header("Preference-Applied", "respond-async")
                .entity(Json.write(withState(starting.get(), true)))
                .type(Json.TYPE)
                .build());
        answered = true;
      }
    }
    boolean answerNow = !answered;
    if (answerNow) {
      // No slot held for nobody: a client that leaves before the answer ends its session.
      connection.ifPresent(open -> clientWatch.endIfClientLeaves(launch.id(), open));
    }
    var unused =
        launch
            .ready()
            .whenComplete(
                (session, failure) -> {
                  if (!answerNow) {
                    audit.record(
                        "start",
                        caller.name(),
                        request.application(),
                        launch.id().toString(),
                        client,
                        failure == null ? "ready" : outcome(unwrap(failure)));
                  } else if (failure == null) {
                    audit.record(
                        "start",
                        caller.name(),
                        session.application(),
                        session.id().toString(),
                        client,
                        "ready");
                    response.resume(
                        Json.response(Response.Status.OK, session.publicView(fields())));
                  } else {
                    Throwable cause = unwrap(failure);
                    audit.record(
                        "start",
                        caller.name(),
                        request.application(),
                        null,
                        client,
                        outcome(cause));
                    response.resume(cause);
                  }
                });
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /** Whether a {@code Prefer} header asks for an answer before the work is done. */
  static boolean respondAsync(String prefer) {
    if (prefer == null) {
      return false;
    }
    for (String preference : prefer.split(",")) {
      String token = preference.split(";", 2)[0].trim();
      if (token.equalsIgnoreCase("respond-async")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The caller's live sessions (an admin's: everyone's, with their owners), without their secrets,
   * and who the caller is: what a page needs to show who is signed on.
   */
  @GET
  @Path("{endpoint: [^/]+}")
  public Response list(@PathParam("endpoint") String endpoint, @Context SecurityContext security) {
    requireEndpoint(endpoint);
    Caller caller = CallerSecurityContext.callerOf(security);
    List<Object> listed = new ArrayList<>();
    for (Session session : sessions.list(caller)) {
      Map<String, Object> view = withState(session, false);
      view.put("application", session.application());
      view.put("owner", session.owner());
      view.put("createdAt", session.createdAt().toString());
      listed.add(view);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("user", caller.name());
    answer.put("signedOn", caller.signedOn());
    answer.put("admin", sessions.isAdmin(caller));
    answer.put("sessions", listed);
    return Json.response(Response.Status.OK, answer);
  }

  /**
   * The session's public view with its state; ended sessions stay visible for a while. Another
   * user's session is not found, as an unknown id; its secret is shown to its owner only.
   */
  @GET
  @Path(SESSION_PATH)
  public Response get(
      @PathParam("endpoint") String endpoint,
      @PathParam("id") String path,
      @Context SecurityContext security) {
    requireEndpoint(endpoint);
    Caller caller = CallerSecurityContext.callerOf(security);
    String id = withoutSlashes(path);
    Session session =
        SessionId.parse(id)
            .flatMap(sessionId -> sessions.find(caller, sessionId))
            .orElseThrow(() -> new SessionNotFoundException(id));
    Map<String, Object> view = withState(session, sessions.mayReadSecret(caller, session));
    traffic
        .activity(session.id())
        .ifPresent(
            activity -> {
              view.put("proxiedConnections", activity.proxiedConnections());
              view.put("lastActivity", activity.lastActive().toString());
            });
    return Json.response(Response.Status.OK, view);
  }

  /**
   * The session's states as Server-Sent Events ({@value SessionEventStreams#EVENT} events, their
   * data {@code {"id", "state"}} and, once ended, {@code endCause} and {@code exitCode}): first the
   * state it is in, then each change, and the stream closes after {@code ended}. Who may not see
   * the session gets the same 404 as for {@code GET}.
   */
  @GET
  @Path(SESSION_PATH + "/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(
      @PathParam("endpoint") String endpoint,
      @PathParam("id") String path,
      @Context SecurityContext security,
      @Context SseEventSink sink,
      @Context Sse sse) {
    requireEndpoint(endpoint);
    Caller caller = CallerSecurityContext.callerOf(security);
    String id = withoutSlashes(path);
    SessionId sessionId = SessionId.parse(id).orElseThrow(() -> new SessionNotFoundException(id));
    if (sessions.find(caller, sessionId).isEmpty()) {
      throw new SessionNotFoundException(id);
    }
    streams.subscribe(() -> sessions.find(caller, sessionId), sink, sse);
  }

  /** Most of a session's log one request returns. */
  static final int MAX_LOG_BYTES = 1024 * 1024;

  /** What a log request without {@code ?bytes=} returns. */
  static final int DEFAULT_LOG_BYTES = 64 * 1024;

  /**
   * The end of the session's log (its program's output), as text: for its owner and for admins;
   * anyone else gets the 404 of an unknown id. {@code ?bytes=N} asks for up to N bytes (1 to 1 MiB,
   * 64 KiB by default).
   */
  @GET
  @Path(SESSION_PATH + "/log")
  @Produces(MediaType.TEXT_PLAIN + "; charset=utf-8")
  public Response log(
      @PathParam("endpoint") String endpoint,
      @PathParam("id") String path,
      @QueryParam("bytes") String bytes,
      @Context SecurityContext security) {
    requireEndpoint(endpoint);
    int wanted = logBytes(bytes);
    Caller caller = CallerSecurityContext.callerOf(security);
    String id = withoutSlashes(path);
    SessionId sessionId = SessionId.parse(id).orElseThrow(() -> new SessionNotFoundException(id));
    return Response.ok(sessions.logTail(caller, sessionId, wanted))
        .type(MediaType.TEXT_PLAIN + "; charset=utf-8")
        .build();
  }

  private static int logBytes(String bytes) {
    if (bytes == null) {
      return DEFAULT_LOG_BYTES;
    }
    try {
      int value = Integer.parseInt(bytes.trim());
      if (value >= 1 && value <= MAX_LOG_BYTES) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Answered below, as any other value out of range.
    }
    throw new InvalidRequestException(
        "bytes must be a whole number from 1 to " + MAX_LOG_BYTES + ", found '" + bytes + "'");
  }

  /** Stops the session and returns its public view, never its command or its secret. */
  @DELETE
  @Path(SESSION_PATH)
  public Response delete(
      @PathParam("endpoint") String endpoint,
      @PathParam("id") String path,
      @Context SecurityContext security) {
    requireEndpoint(endpoint);
    Caller caller = CallerSecurityContext.callerOf(security);
    String client = CallerSecurityContext.clientOf(security);
    String id = withoutSlashes(path);
    Session stopped;
    try {
      SessionId sessionId = SessionId.parse(id).orElseThrow(() -> new SessionNotFoundException(id));
      stopped = sessions.stop(caller, sessionId);
    } catch (LauncherException e) {
      audit.record("refused", caller.name(), null, null, client, outcome(e));
      throw e;
    }
    audit.record(
        "stop", caller.name(), stopped.application(), stopped.id().toString(), client, "stopped");
    return Json.response(Response.Status.OK, withState(stopped, false));
  }

  /** A short word for the audit trail: never the message, which may echo a client's values. */
  private static String outcome(Throwable failure) {
    if (failure instanceof SessionStartException start) {
      return "failed: " + start.reason().name().toLowerCase(Locale.ROOT);
    }
    if (failure instanceof AccessDeniedException) {
      return "forbidden";
    }
    if (failure instanceof LimitReachedException) {
      return "limit reached";
    }
    if (failure instanceof ResourcesExhaustedException) {
      return "no resource";
    }
    if (failure instanceof SessionNotFoundException) {
      return "not found";
    }
    if (failure instanceof InvalidRequestException) {
      return "invalid request";
    }
    return "error";
  }

  private Map<String, Object> withState(Session session, boolean withSecret) {
    Map<String, Object> view = new LinkedHashMap<>(session.publicView(fields()));
    if (!withSecret) {
      view.remove("secret");
    }
    view.put("state", session.state().name().toLowerCase(Locale.ROOT));
    if (session.status() != null) {
      view.put("status", session.status());
    }
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

  private List<String> fields() {
    // A reload may change them.
    return active.current().configuration().fields();
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
}
