package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.proxy.ProxyMapFile;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the proxy mapping file equal to the ready sessions: a session gains its line once ready and
 * loses it as its end begins.
 *
 * <p>Changes that arrive while the file is being written are written together by the next write
 * (group commit): a hundred sessions getting ready at once cost a few writes of the file, not a
 * hundred, and no caller returns before a write that includes its change has finished.
 */
@ApplicationScoped
public class ProxyMapSync {
  private ProxyMapFile file;
  private SessionRegistry registry;

  private final Object lock = new Object();
  private final Map<SessionId, HostPort> ready = new LinkedHashMap<>();
  private long requested;
  private long written;
  private boolean writing;
  private long succeeded;
  private RuntimeException failure;

  /** For CDI's proxy. */
  protected ProxyMapSync() {}

  @Inject
  public ProxyMapSync(ProxyMapFile file, SessionRegistry registry) {
    this.file = file;
    this.registry = registry;
  }

  void onChange(@Observes SessionChange change) {
    Session session = change.session();
    boolean changed;
    synchronized (lock) {
      changed =
          switch (change.state()) {
            // The announcement of ready can come after the end began (a program that exits
            // right after its ready line): a session that is no longer ready gets no line.
            case READY ->
                stillReady(session.id()) && ready.put(session.id(), session.address()) == null;
            case STOPPING, ENDED -> ready.remove(session.id()) != null;
            case STARTING -> false;
          };
    }
    if (changed) {
      sync();
    }
  }

  /**
   * Whether a session announced ready has not begun its end meanwhile. The end's start is recorded
   * in the registry before it is announced, and announcements are handled under {@code lock}, so
   * checking here closes the race with a late ready announcement.
   */
  private boolean stillReady(SessionId id) {
    return registry
        .live(id)
        .map(live -> live.snapshot().state() == SessionState.READY)
        .orElse(false);
  }

  /**
   * Takes the ready sessions from the registry, as after a restart that adopted sessions, and
   * writes the file.
   */
  public void rebuild() {
    synchronized (lock) {
      ready.clear();
      for (Session session : registry.list()) {
        if (session.state() == SessionState.READY) {
          ready.put(session.id(), session.address());
        }
      }
    }
    sync();
  }

  /**
   * Returns once the file holds every session that was ready when this was called. The ready
   * sessions are kept here, in the order they got ready, so a write costs a copy of them, not a
   * pass over every session.
   *
   * @throws ProxyMapFile.ProxyFileException when the write that included this change failed
   */
  public void sync() {
    long mine;
    long target;
    Map<SessionId, HostPort> lines;
    synchronized (lock) {
      mine = ++requested;
      while (written < mine && writing) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for the proxy file", e);
        }
      }
      if (written >= mine) {
        if (succeeded >= mine) {
          return;
        }
        throw failure;
      }
      writing = true;
      target = requested;
      lines = new LinkedHashMap<>(ready);
    }
    RuntimeException error = null;
    try {
      file.write(lines);
    } catch (RuntimeException e) {
      error = e;
      throw e;
    } finally {
      synchronized (lock) {
        if (error == null) {
          succeeded = target;
        } else {
          failure = error;
        }
        written = target;
        writing = false;
        lock.notifyAll();
      }
    }
  }
}
