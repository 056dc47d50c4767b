package io.sessionlauncher.rest.admin;

import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.session.ProxiedConnectionsChange;
import io.sessionlauncher.engine.session.SessionChange;
import io.sessionlauncher.engine.session.SessionManager;
import io.sessionlauncher.engine.session.SessionTraffic;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.rest.http.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's one stream of every session's changes, as Server-Sent Events: on subscription a
 * {@value #SESSION} event per live session and a {@value #RESOURCES} event, then one of each at
 * every change. A client that went away is dropped at the next change.
 */
@ApplicationScoped
public class AdminEventStreams {
  /** An event whose data is one session's row of the dashboard. */
  public static final String SESSION = "session";

  /**
   * An event whose data is {@code {"free", "total"}} of the resource pool and the session {@code
   * endpoint} the page calls.
   */
  public static final String RESOURCES = "resources";

  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private ResourcePool pool;
  private String endpoint;
  private SessionTraffic traffic;
  private SessionManager sessions;

  /** For CDI's proxy. */
  protected AdminEventStreams() {}

  @Inject
  public AdminEventStreams(
      ResourcePool pool, LauncherConfig config, SessionTraffic traffic, SessionManager sessions) {
    this.pool = pool;
    this.endpoint = config.configuration().endpoint();
    this.traffic = traffic;
    this.sessions = sessions;
  }

  /** Opens a stream, starting with the sessions live now; registered first, so none is missed. */
  void subscribe(List<Session> live, SseEventSink sink, Sse sse) {
    Stream stream = new Stream(sink, sse);
    streams.add(stream);
    for (Session session : live) {
      stream.send(SESSION, row(session));
    }
    stream.send(RESOURCES, resources());
  }

  void onChange(@Observes SessionChange change) {
    if (streams.isEmpty()) {
      return;
    }
    Map<String, Object> row = row(change.session());
    Map<String, Object> resources = resources();
    for (Stream stream : streams) {
      stream.send(SESSION, row);
      stream.send(RESOURCES, resources);
    }
    streams.removeIf(Stream::closed);
  }

  /** A proxied connection opened or closed: the session's row shows its count and activity. */
  void onProxied(@Observes ProxiedConnectionsChange change) {
    if (streams.isEmpty()) {
      return;
    }
    sessions
        .find(change.session())
        .ifPresent(
            session -> {
              Map<String, Object> row = row(session);
              for (Stream stream : streams) {
                stream.send(SESSION, row);
              }
            });
    streams.removeIf(Stream::closed);
  }

  private Map<String, Object> resources() {
    return Map.of("free", pool.available(), "total", pool.size(), "endpoint", endpoint);
  }

  /**
   * What the dashboard shows of a session: never its secret or command. A live session's proxied
   * connections and last activity come with it (the page counts its idle time from there).
   */
  private Map<String, Object> row(Session session) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", session.id().toString());
    row.put("owner", session.owner());
    row.put("application", session.application());
    row.put("state", session.state().name().toLowerCase(Locale.ROOT));
    row.put("host", session.address().host());
    row.put("port", session.address().port());
    row.put("createdAt", session.createdAt().toString());
    if (session.endCause() != null) {
      row.put("endCause", session.endCause().name().toLowerCase(Locale.ROOT));
    }
    traffic
        .activity(session.id())
        .ifPresent(
            activity -> {
              row.put("proxiedConnections", activity.proxiedConnections());
              row.put("lastActivity", activity.lastActive().toString());
            });
    return row;
  }

  /** One client's stream. */
  private static final class Stream {
    private final SseEventSink sink;
    private final Sse sse;

    Stream(SseEventSink sink, Sse sse) {
      this.sink = sink;
      this.sse = sse;
    }

    synchronized void send(String name, Map<String, Object> data) {
      if (sink.isClosed()) {
        return;
      }
      var unused =
          sink.send(sse.newEventBuilder().name(name).data(String.class, Json.write(data)).build());
    }

    boolean closed() {
      return sink.isClosed();
    }
  }
}
