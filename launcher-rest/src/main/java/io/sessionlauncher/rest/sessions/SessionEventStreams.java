package io.sessionlauncher.rest.sessions;

import io.sessionlauncher.engine.session.SessionChange;
import io.sessionlauncher.engine.session.SessionProgress;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.rest.http.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The open Server-Sent Event streams of sessions' states, fed by the engine's {@link SessionChange}
 * events: each stream gets every state from the one the session is in when it subscribes, in order
 * and once each, and is closed after {@code ended}. A client that disconnects is dropped at the
 * next change.
 */
@ApplicationScoped
public class SessionEventStreams {
  /** The name of every event of a stream; its data is the session's state as JSON. */
  public static final String EVENT = "state";

  /**
   * The name of the events between {@code starting} and the next state when the session's product
   * reports its progress (a batch job pending, then running): data {@code {"id", "state",
   * "status"}}.
   */
  public static final String PROGRESS_EVENT = "progress";

  private final Map<SessionId, Set<Stream>> streams = new ConcurrentHashMap<>();

  /**
   * Opens a stream of a session's states, starting with the one it is in.
   *
   * @param current the session as the caller may see it now; read again once the stream is
   *     registered, so a change between the first reading and the registration is not missed
   */
  void subscribe(Supplier<Optional<Session>> current, SseEventSink sink, Sse sse) {
    Session first = current.get().orElseThrow();
    Stream stream = new Stream(sink, sse);
    Set<Stream> ofSession =
        streams.computeIfAbsent(first.id(), id -> ConcurrentHashMap.newKeySet());
    ofSession.add(stream);
    stream.send(first);
    current.get().ifPresent(stream::send);
    if (stream.ended()) {
      ofSession.remove(stream);
    }
  }

  void onChange(@Observes SessionChange change) {
    Session session = change.session();
    Set<Stream> ofSession =
        change.state() == SessionState.ENDED
            ? streams.remove(session.id())
            : streams.get(session.id());
    if (ofSession != null) {
      ofSession.forEach(stream -> stream.send(session));
      ofSession.removeIf(Stream::closed);
    }
  }

  void onProgress(@Observes SessionProgress progress) {
    Session session = progress.session();
    Set<Stream> ofSession = streams.get(session.id());
    if (ofSession != null) {
      ofSession.forEach(stream -> stream.sendProgress(session));
      ofSession.removeIf(Stream::closed);
    }
  }

  /** One client's stream and the last state it was sent. */
  private static final class Stream {
    private final SseEventSink sink;
    private final Sse sse;

    /** The last state sent, or {@code null}; {@link SessionState} is declared in life order. */
    private SessionState last;

    Stream(SseEventSink sink, Sse sse) {
      this.sink = sink;
      this.sse = sse;
    }

    /** Sends the session's state unless this stream has had it (or a later one) already. */
    synchronized void send(Session session) {
      SessionState state = session.state();
      if ((last != null && state.compareTo(last) <= 0) || sink.isClosed()) {
        return;
      }
      last = state;
      var sent =
          sink.send(
              sse.newEventBuilder()
                  .name(EVENT)
                  .id(session.state().name().toLowerCase(Locale.ROOT))
                  .data(String.class, Json.write(view(session)))
                  .build());
      if (session.state() == SessionState.ENDED) {
        var unused = sent.whenComplete((done, failure) -> sink.close());
      }
    }

    /** Sends a starting session's new status, to a stream that has seen no later state. */
    synchronized void sendProgress(Session session) {
      if (last != SessionState.STARTING || sink.isClosed()) {
        return;
      }
      var unused =
          sink.send(
              sse.newEventBuilder()
                  .name(PROGRESS_EVENT)
                  .data(String.class, Json.write(view(session)))
                  .build());
    }

    synchronized boolean ended() {
      return last == SessionState.ENDED;
    }

    boolean closed() {
      return sink.isClosed();
    }

    private static Map<String, Object> view(Session session) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", session.id().toString());
      view.put("state", session.state().name().toLowerCase(Locale.ROOT));
      if (session.status() != null) {
        view.put("status", session.status());
      }
      if (session.endCause() != null) {
        view.put("endCause", session.endCause().name().toLowerCase(Locale.ROOT));
      }
      if (session.exitCode() != null) {
        view.put("exitCode", session.exitCode());
      }
      return view;
    }
  }
}
