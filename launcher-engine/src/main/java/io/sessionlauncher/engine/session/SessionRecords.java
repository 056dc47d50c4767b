package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.persist.SessionStore;
import io.sessionlauncher.engine.persist.StoredSession;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Keeps the session records in step with the sessions: recorded as soon as the process runs (so a
 * launcher dying during a start can still find and stop it), again when ready (the record says
 * whether to adopt it), and forgotten when it has ended.
 */
@ApplicationScoped
public class SessionRecords {
  private SessionStore store;

  /** For CDI's proxy. */
  protected SessionRecords() {}

  @Inject
  public SessionRecords(SessionStore store) {
    this.store = store;
  }

  void onChange(@Observes SessionChange change) {
    if (!store.enabled()) {
      return;
    }
    switch (change.state()) {
      case STARTING, READY -> store.save(record(change));
      case ENDED -> store.remove(change.session().id().toString());
      case STOPPING -> {
        // Still recorded until it is gone: a launcher dying now must still stop it.
      }
    }
  }

  private static StoredSession record(SessionChange change) {
    Session session = change.session();
    Optional<ProcessHandle> process = change.process();
    return new StoredSession(
        session.id().toString(),
        session.application(),
        session.owner(),
        session.resource(),
        process.map(ProcessHandle::pid).orElse(-1L),
        process.flatMap(handle -> handle.info().startInstant()).orElse(null),
        session.createdAt(),
        session.secretShared(),
        session.data(),
        session.state() == SessionState.READY,
        change.reference().map(ProductReference::value).orElse(null),
        session.address(),
        change.reference().map(ProductReference::pluginConfig).orElse(null));
  }
}
