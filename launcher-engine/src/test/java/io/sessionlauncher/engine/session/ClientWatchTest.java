package io.sessionlauncher.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.concurrent.BackgroundTasks;
import io.sessionlauncher.engine.os.ClientConnection;
import io.sessionlauncher.engine.os.ConnectionTable;
import io.sessionlauncher.engine.testing.TestClock;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.SessionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The client watch reads the kernel's connection table (several milliseconds of system time on a
 * large machine) only for launches that have waited an interval, never on the request's thread: a
 * launch ready at once costs no read. The ends of abandoned launches are shown by ClientGoneTest
 * and ClientGoneIT over real sockets.
 */
class ClientWatchTest {
  private final TestClock clock = TestClock.atFixedInstant();
  private final SessionRegistry registry = new SessionRegistry(Duration.ofMinutes(5), clock);
  private final ManualTicks ticks = new ManualTicks();
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicLong nanoTime = new AtomicLong();
  private final ClientWatch watch =
      new ClientWatch(
          registry,
          null,
          ticks,
          () -> {
            reads.incrementAndGet();
            return ConnectionTable.read();
          },
          nanoTime::get);

  /** Background tasks whose periodic task the test runs itself, one tick at a time. */
  private static final class ManualTicks implements BackgroundTasks {
    final List<Runnable> periodic = new ArrayList<>();

    @Override
    public void execute(Runnable task) {
      throw new AssertionError("nothing is abandoned in these tests");
    }

    @Override
    public void executeLongRunning(Runnable task) {
      throw new AssertionError("nothing runs long in these tests");
    }

    @Override
    public synchronized Future<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
      periodic.add(task);
      return new CompletableFuture<Void>();
    }

    @Override
    public boolean managed() {
      return false;
    }

    synchronized void tick() {
      periodic.forEach(Runnable::run);
    }
  }

  private LiveSession starting() {
    LiveSession session =
        Starting.session(
            SessionId.random(), "viz", "tester", new HostPort("127.0.0.1", 9001), clock.instant());
    registry.add(session);
    return session;
  }

  private static ClientConnection client() {
    return new ClientConnection("127.0.0.1", 40_000, 8080);
  }

  @Test
  void aLaunchReadyWithinAnIntervalNeverReadsTheTable() {
    LiveSession session = starting();

    watch.endIfClientLeaves(session.snapshot().id(), client());
    assertEquals(0, reads.get(), "no read on the request's thread");
    nanoTime.addAndGet(ClientWatch.INTERVAL.toNanos() - 1);
    ticks.tick();
    assertEquals(0, reads.get(), "no read for a launch that has not waited an interval");

    session.markReady(clock.instant());
    watch.onChange(new SessionChange(session.snapshot(), Optional.empty(), Optional.empty()));
    ticks.tick();
    assertEquals(0, reads.get(), "no read once nobody waits");
  }

  @Test
  void aLaunchWaitingLongerIsLookedAtOncePerTickWithTheOthers() {
    LiveSession first = starting();
    LiveSession second = starting();
    watch.endIfClientLeaves(first.snapshot().id(), client());
    watch.endIfClientLeaves(
        second.snapshot().id(), new ClientConnection("127.0.0.1", 40_001, 8080));
    assertEquals(1, ticks.periodic.size(), "one periodic check for all waiting launches");

    nanoTime.addAndGet(ClientWatch.INTERVAL.toNanos());
    ticks.tick();
    assertEquals(1, reads.get(), "one read for both waiting launches");
    assertTrue(
        registry.live(first.snapshot().id()).isPresent(), "a connection never seen is not taken");
  }
}
