package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.concurrent.BackgroundTasks;
import io.sessionlauncher.engine.os.ClientConnection;
import io.sessionlauncher.engine.os.ConnectionTable;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends a starting session whose client went away while it waited for the answer, so no slot is held
 * for nobody. The servlet API tells of a closed connection only when an answer is written, and the
 * answer (its status first) is not known before the session is ready; so the kernel's connection
 * table is read instead, a few times a second while any such wait lasts: the client's connection in
 * {@code CLOSE_WAIT} (it closed its end), or gone after it was seen (reset), means nobody is
 * waiting. Where the kernel shows no table (not Linux) this is said once in the log and such
 * sessions start as before, bounded by their timeout.
 */
@ApplicationScoped
public class ClientWatch {
  private static final Logger LOG = Logger.getLogger(ClientWatch.class.getName());

  /** How often the table is read while a client waits. */
  static final Duration INTERVAL = Duration.ofMillis(200);

  /**
   * One waiting client: whether its connection was seen in the table yet (a connection never seen
   * may be one the table cannot match, so its absence says nothing).
   */
  private static final class Waiting {
    final ClientConnection connection;
    final long since;
    boolean seen;

    Waiting(ClientConnection connection, long since) {
      this.connection = connection;
      this.since = since;
    }
  }

  private SessionRegistry registry;
  private SessionEnder ender;
  private BackgroundTasks tasks;
  private Supplier<Optional<ConnectionTable>> tables;
  private LongSupplier nanoTime;
  private final Map<SessionId, Waiting> waiting = new ConcurrentHashMap<>();
  private final AtomicBoolean unsupportedSaid = new AtomicBoolean();
  private Future<?> schedule;

  /** For CDI's proxy. */
  protected ClientWatch() {}

  @Inject
  public ClientWatch(SessionRegistry registry, SessionEnder ender, BackgroundTasks tasks) {
    this(registry, ender, tasks, ConnectionTable::read, System::nanoTime);
  }

  /**
   * With {@code tables} reading the kernel's connection table and {@code nanoTime} telling how long
   * a client has waited (a test counts the reads and moves the time itself).
   */
  ClientWatch(
      SessionRegistry registry,
      SessionEnder ender,
      BackgroundTasks tasks,
      Supplier<Optional<ConnectionTable>> tables,
      LongSupplier nanoTime) {
    this.registry = registry;
    this.ender = ender;
    this.tasks = tasks;
    this.tables = tables;
    this.nanoTime = nanoTime;
  }

  /**
   * Ends the session, still starting, if {@code connection}'s client closes it before the session
   * is ready (or fails): the end's cause is {@link EndCause#ABANDONED}.
   *
   * <p>Nothing is read here, on the request's thread: reading the kernel's tables walks every
   * bucket of its connection hash whatever few connections it holds (several milliseconds of system
   * time per read on a large machine), which a launch ready within one interval should not pay. The
   * first look is the first periodic one after it has waited an interval: a client that closed its
   * end is still seen there ({@code CLOSE_WAIT} lasts until the answer), only one whose connection
   * was reset before it is not told from a connection the table cannot match, and its session
   * starts as without a watch.
   */
  public void endIfClientLeaves(SessionId id, ClientConnection connection) {
    if (registry.live(id).map(s -> s.snapshot().state() != SessionState.STARTING).orElse(true)) {
      return;
    }
    waiting.put(id, new Waiting(connection, nanoTime.getAsLong()));
    if (registry.live(id).map(s -> s.snapshot().state() != SessionState.STARTING).orElse(true)) {
      // Ready or ended since the look above, maybe before this entry was there for its change to
      // remove: nobody waits any more.
      waiting.remove(id);
      return;
    }
    synchronized (this) {
      if (schedule == null || schedule.isDone()) {
        schedule = tasks.scheduleWithFixedDelay(this::checkSafely, INTERVAL);
      }
    }
  }

  /** A session that is ready or ending has no client left to watch for. */
  void onChange(@Observes SessionChange change) {
    if (change.state() != SessionState.STARTING) {
      waiting.remove(change.session().id());
    }
  }

  private void checkSafely() {
    try {
      check();
    } catch (RuntimeException e) {
      // Logged, not thrown: an exception would cancel every later check.
      LOG.log(Level.WARNING, "Check of waiting clients failed", e);
    }
  }

  private void check() {
    synchronized (this) {
      if (waiting.isEmpty() && schedule != null) {
        schedule.cancel(false);
        schedule = null;
        return;
      }
    }
    long now = nanoTime.getAsLong();
    if (waiting.values().stream().allMatch(client -> now - client.since < INTERVAL.toNanos())) {
      return; // all may well be ready before the next look: the table is not read for them
    }
    Optional<ConnectionTable> table = tables.get();
    if (table.isEmpty()) {
      if (unsupportedSaid.compareAndSet(false, true)) {
        LOG.warning(
            "The kernel's TCP connection table (/proc/net/tcp) cannot be read: a client that"
                + " goes away before its session is ready is not noticed; the session starts"
                + " anyway and ends by its idle_timeout or max_lifetime");
      }
      waiting.clear();
      return;
    }
    waiting.forEach(
        (id, client) -> {
          Optional<String> state = table.get().stateOf(client.connection);
          boolean gone =
              state.map(ConnectionTable.CLOSE_WAIT::equals).orElse(false)
                  || (state.isEmpty() && client.seen);
          client.seen |= state.isPresent();
          if (gone && waiting.remove(id) != null) {
            abandon(id, client.connection);
          }
        });
  }

  private void abandon(SessionId id, ClientConnection connection) {
    registry
        .live(id)
        .filter(session -> session.snapshot().state() == SessionState.STARTING)
        .ifPresent(
            session -> {
              LOG.info(
                  () ->
                      "Ending session "
                          + id
                          + ": its client "
                          + connection.remoteAddress()
                          + ":"
                          + connection.remotePort()
                          + " went away before it was ready");
              // Ending waits up to the grace period: not on the scheduler's thread.
              tasks.execute(() -> ender.end(session, EndCause.ABANDONED));
            });
  }
}
