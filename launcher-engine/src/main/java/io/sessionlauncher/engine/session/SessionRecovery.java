package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.persist.SessionStore;
import io.sessionlauncher.engine.persist.StoredSession;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.process.ProcessTree;
import io.sessionlauncher.engine.process.SessionMarker;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.model.Supervision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What a starting launcher does with the sessions its predecessor recorded: a session whose process
 * is still alive and provably the same (pid and start time) is adopted back when the policy says so
 * and it was ready; any other live one is stopped with its whole tree; a dead one is forgotten. A
 * pid now used by another program is never touched. Records of sessions not adopted are removed.
 */
@ApplicationScoped
public class SessionRecovery {
  private static final Logger LOG = Logger.getLogger(SessionRecovery.class.getName());

  private LauncherConfig config;
  private SessionStore store;
  private ResourcePool pool;
  private SessionRegistry registry;
  private SessionEnder ender;
  private Clock clock;

  /** For CDI's proxy. */
  protected SessionRecovery() {}

  @Inject
  public SessionRecovery(
      LauncherConfig config,
      SessionStore store,
      ResourcePool pool,
      SessionRegistry registry,
      SessionEnder ender,
      Clock clock) {
    this.config = config;
    this.store = store;
    this.pool = pool;
    this.registry = registry;
    this.ender = ender;
    this.clock = clock;
  }

  /** Adopts or stops every recorded session, and forgets the records of those not adopted. */
  void recover() {
    List<StoredSession> recorded = store.load();
    Supervision supervision = config.configuration().supervision();
    for (StoredSession record : recorded) {
      Optional<ProcessHandle> process = sameProcess(record);
      Optional<SessionId> id = SessionId.parse(record.id());
      if (id.isEmpty()) {
        continue; // the store gives only records of canonical ids
      }
      SessionMarker marker = SessionMarker.of(id.get().toString());
      if (process.isEmpty()) {
        LOG.info(() -> "Session " + record.id() + " ended while the launcher was down");
        // What it started and left behind (a daemon) carries its marker still.
        ProcessTree.stopMarked(marker, supervision.stopGrace());
        store.remove(record.id());
        continue;
      }
      boolean adopt =
          supervision.onRestart() == Supervision.RestartPolicy.ADOPT
              && record.ready()
              && config.app(record.application()).isPresent()
              && pool.claim(record.resource());
      if (adopt) {
        LiveSession session = adopted(id.get(), record, process.get(), marker);
        registry.add(session);
        ender.watchExit(session);
        LOG.info(() -> "Adopted session " + record.id() + " (pid " + record.pid() + ")");
      } else {
        ProcessTree.stop(process.get(), supervision.stopGrace(), marker);
        store.remove(record.id());
        LOG.info(() -> "Stopped session " + record.id() + " left by a previous launcher");
      }
    }
  }

  /** The recorded process, if it is alive and started when the record says. */
  private static Optional<ProcessHandle> sameProcess(StoredSession record) {
    if (record.pid() <= 0 || record.processStart() == null) {
      return Optional.empty();
    }
    return ProcessHandle.of(record.pid())
        .filter(ProcessHandle::isAlive)
        .filter(
            handle ->
                handle.info().startInstant().map(record.processStart()::equals).orElse(false));
  }

  private LiveSession adopted(
      SessionId id, StoredSession record, ProcessHandle process, SessionMarker marker) {
    Session snapshot =
        new Session(
            id,
            record.application(),
            record.owner(),
            record.resource(),
            SessionState.STARTING,
            record.data(),
            record.secretShared(),
            record.createdAt(),
            null,
            null,
            null);
    LiveSession session =
        new LiveSession(snapshot, null, new AdoptedProcess(process, record.resource(), marker));
    session.markReady(clock.instant());
    return session;
  }
}
