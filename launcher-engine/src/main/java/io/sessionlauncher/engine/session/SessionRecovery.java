package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.persist.StoredSession;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.process.ProcessTree;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.model.Supervision;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What a starting launcher does with the sessions its predecessor recorded: a session whose process
 * is still alive and provably the same (pid and start time) is adopted back when the policy says so
 * and it was ready; any other live one is stopped with its whole tree; a dead one is forgotten. A
 * pid now used by another program is never touched.
 */
final class SessionRecovery {
  private static final Logger LOG = Logger.getLogger(SessionRecovery.class.getName());

  private final SessionManager manager;
  private final LauncherConfig config;
  private final ResourcePool pool;

  SessionRecovery(SessionManager manager, LauncherConfig config, ResourcePool pool) {
    this.manager = manager;
    this.config = config;
    this.pool = pool;
  }

  void recover(List<StoredSession> stored) {
    Supervision supervision = config.configuration().supervision();
    for (StoredSession record : stored) {
      Optional<ProcessHandle> process = sameProcess(record);
      if (process.isEmpty()) {
        LOG.info(() -> "Session " + record.id() + " ended while the launcher was down");
        continue;
      }
      boolean adopt =
          supervision.onRestart() == Supervision.RestartPolicy.ADOPT
              && record.ready()
              && config.app(record.application()).isPresent()
              && pool.claim(record.resource());
      if (adopt) {
        manager.adopt(adopted(record, process.get()));
        LOG.info(() -> "Adopted session " + record.id() + " (pid " + record.pid() + ")");
      } else {
        ProcessTree.stop(process.get(), supervision.stopGrace());
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

  private static LiveSession adopted(StoredSession record, ProcessHandle process) {
    Session snapshot =
        new Session(
            new SessionId(java.util.UUID.fromString(record.id())),
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
        new LiveSession(snapshot, null, new AdoptedProcess(process, record.resource()));
    session.markReady(Instant.now());
    return session;
  }
}
