package io.sessionlauncher.engine.session;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One connection of the launcher's proxy to a session, as the engine counts it: open from {@link
 * SessionTraffic#open} until {@link #close}, and each {@link #touch} is activity for the session's
 * {@code idle_timeout}. Holds its session, so passing traffic costs no look-up.
 */
public final class ProxiedConnection implements AutoCloseable {
  private final LiveSession session;
  private final Clock clock;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final Consumer<ProxiedConnectionsChange> changed;

  ProxiedConnection(LiveSession session, Clock clock, Consumer<ProxiedConnectionsChange> changed) {
    this.session = session;
    this.clock = clock;
    this.changed = changed;
    int now = session.connectionOpened(clock.instant());
    changed.accept(new ProxiedConnectionsChange(session.snapshot().id(), now));
  }

  /** Traffic passed: the session is in use now. */
  public void touch() {
    session.touch(clock.instant());
  }

  /** The connection is gone; counted once however often it is called. */
  @Override
  public void close() {
    if (open.compareAndSet(true, false)) {
      int now = session.connectionClosed(clock.instant());
      changed.accept(new ProxiedConnectionsChange(session.snapshot().id(), now));
    }
  }
}
