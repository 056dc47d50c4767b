package io.sessionlauncher.engine.session;

import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the launcher believes exists: the live sessions by id, the recently ended ones (kept for
 * {@code keep_ended} so a client polling a session sees how it ended), and the count of admitted
 * sessions by application and by owner, so limits are checked in constant time whatever the number
 * of sessions.
 */
@ApplicationScoped
public class SessionRegistry {
  private final Map<SessionId, LiveSession> live = new ConcurrentHashMap<>();
  private final Map<SessionId, Session> ended = new ConcurrentHashMap<>();
  private final Map<String, Set<SessionId>> byApp = new ConcurrentHashMap<>();
  private final Map<String, Set<SessionId>> byOwner = new ConcurrentHashMap<>();
  private final Map<OwnerOfApp, Set<SessionId>> byOwnerOfApp = new ConcurrentHashMap<>();
  private Clock clock;
  private Duration keepEnded;

  /** For CDI's proxy. */
  protected SessionRegistry() {}

  @Inject
  public SessionRegistry(LauncherConfig config, Clock clock) {
    this(config.configuration().supervision().keepEnded(), clock);
  }

  SessionRegistry(Duration keepEnded, Clock clock) {
    this.keepEnded = keepEnded;
    this.clock = clock;
  }

  /** Counts an admitted session towards its application's and owner's limits. */
  void reserve(Admission admission) {
    count(admission.id(), admission.app().name(), admission.owner());
  }

  private void count(SessionId id, String application, String owner) {
    byApp.computeIfAbsent(application, key -> ConcurrentHashMap.newKeySet()).add(id);
    if (owner != null) {
      byOwner.computeIfAbsent(owner, key -> ConcurrentHashMap.newKeySet()).add(id);
      byOwnerOfApp
          .computeIfAbsent(new OwnerOfApp(owner, application), key -> ConcurrentHashMap.newKeySet())
          .add(id);
    }
  }

  /** Stops counting a session; the sets stay, as the same names come back. */
  void release(SessionId id, String application, String owner) {
    Set<SessionId> ofApp = byApp.get(application);
    if (ofApp != null) {
      ofApp.remove(id);
    }
    if (owner != null) {
      Set<SessionId> ofOwner = byOwner.get(owner);
      if (ofOwner != null) {
        ofOwner.remove(id);
      }
      Set<SessionId> ofOwnerOfApp = byOwnerOfApp.get(new OwnerOfApp(owner, application));
      if (ofOwnerOfApp != null) {
        ofOwnerOfApp.remove(id);
      }
    }
  }

  /** Adds a prepared or adopted session; an adopted one is counted here too. */
  void add(LiveSession session) {
    Session snapshot = session.snapshot();
    count(snapshot.id(), snapshot.application(), snapshot.owner());
    live.put(snapshot.id(), session);
  }

  /**
   * Removes an ended session; it stays findable for {@code keep_ended} when {@code keep} (a client
   * was told about it).
   */
  void remove(Session endedSession, boolean keep) {
    if (keep) {
      ended.put(endedSession.id(), endedSession);
    }
    live.remove(endedSession.id());
    release(endedSession.id(), endedSession.application(), endedSession.owner());
  }

  /** Sessions admitted and not yet ended, of an application. */
  public int countOfApp(String application) {
    Set<SessionId> ids = byApp.get(application);
    return ids == null ? 0 : ids.size();
  }

  /** Sessions admitted and not yet ended, of an owner. */
  public int countOfOwner(String owner) {
    Set<SessionId> ids = byOwner.get(owner);
    return ids == null ? 0 : ids.size();
  }

  /** Sessions admitted and not yet ended, of an owner and an application. */
  public int countOfOwner(String owner, String application) {
    Set<SessionId> ids = byOwnerOfApp.get(new OwnerOfApp(owner, application));
    return ids == null ? 0 : ids.size();
  }

  /** Key of the per-owner, per-application count. */
  private record OwnerOfApp(String owner, String application) {}

  Optional<LiveSession> live(SessionId id) {
    return Optional.ofNullable(live.get(id));
  }

  boolean isLive(SessionId id) {
    return live.containsKey(id);
  }

  /** The session, live or ended within {@code keep_ended}. */
  public Optional<Session> find(SessionId id) {
    LiveSession session = live.get(id);
    if (session != null) {
      return Optional.of(session.snapshot());
    }
    Session endedSession = ended.get(id);
    if (endedSession == null || endedSession.endedAt().isBefore(endedLimit())) {
      return Optional.empty();
    }
    return Optional.of(endedSession);
  }

  /** Every live session's snapshot, oldest first. */
  public List<Session> list() {
    List<Session> sessions = new ArrayList<>(live.size());
    live.values().forEach(session -> sessions.add(session.snapshot()));
    sessions.sort(Comparator.comparing(Session::createdAt));
    return sessions;
  }

  /** The live sessions, as a copy. */
  Collection<LiveSession> liveSessions() {
    return List.copyOf(live.values());
  }

  /** How many sessions are live. */
  public int size() {
    return live.size();
  }

  /** Forgets ended sessions older than {@code keep_ended}. */
  void forgetOldEnded() {
    Instant limit = endedLimit();
    ended.values().removeIf(session -> session.endedAt().isBefore(limit));
  }

  private Instant endedLimit() {
    return clock.instant().minus(keepEnded);
  }
}
