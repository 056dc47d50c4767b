package io.sessionlauncher.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.proxy.ProxyMapFile;
import io.sessionlauncher.engine.testing.Await;
import io.sessionlauncher.engine.testing.TestClock;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy file follows the ready sessions, and changes arriving together share a write. */
class ProxyMapSyncTest {
  private static final Duration SOON = Duration.ofSeconds(10);

  @TempDir Path dir;

  private final TestClock clock = TestClock.atFixedInstant();
  private final SessionRegistry registry = new SessionRegistry(Duration.ofMinutes(5), clock);

  /** The real file, counting its writes; the first write waits until the test lets it go. */
  private static final class CountingFile extends ProxyMapFile {
    final AtomicInteger writes = new AtomicInteger();
    final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    final CountDownLatch releaseFirstWrite = new CountDownLatch(1);

    CountingFile(Path file) {
      super(file);
    }

    @Override
    public synchronized void write(Map<SessionId, HostPort> sessions) {
      if (writes.incrementAndGet() == 1) {
        firstWriteStarted.countDown();
        try {
          releaseFirstWrite.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      super.write(sessions);
    }
  }

  private Session ready(int port) {
    LiveSession session =
        Starting.session(
            SessionId.random(), "viz", "tester", new HostPort("127.0.0.1", port), clock.instant());
    registry.add(session);
    session.markReady(clock.instant());
    return session.snapshot();
  }

  @Test
  void changesArrivingDuringAWriteAreWrittenTogetherByTheNext() throws Exception {
    CountingFile file = new CountingFile(dir.resolve("proxy.txt"));
    ProxyMapSync sync = new ProxyMapSync(file, registry);
    List<Thread> waiting = new ArrayList<>();
    Session firstReady = ready(9000);
    Thread first = new Thread(() -> sync.onChange(changeOf(firstReady)));
    first.start();
    assertTrue(file.firstWriteStarted.await(10, TimeUnit.SECONDS));
    for (int i = 1; i < 20; i++) {
      Session next = ready(9000 + i);
      Thread thread = new Thread(() -> sync.onChange(changeOf(next)));
      waiting.add(thread);
      thread.start();
    }
    Await.until(
        SOON,
        () -> waiting.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING),
        "every later change waiting for the write under way");

    file.releaseFirstWrite.countDown();
    first.join(SOON.toMillis());
    for (Thread thread : waiting) {
      thread.join(SOON.toMillis());
    }

    assertEquals(2, file.writes.get(), "writes for 20 changes");
    assertEquals(20, Files.readAllLines(file.path()).size());
  }

  @Test
  void aFailedWriteFailsEveryChangeItCarried() throws IOException {
    Path folder = dir.resolve("not-a-folder");
    Files.writeString(folder, "a file");
    ProxyMapSync sync = new ProxyMapSync(new ProxyMapFile(folder.resolve("proxy.txt")), registry);
    Session ready = ready(9000);

    assertThrows(ProxyMapFile.ProxyFileException.class, () -> sync.onChange(changeOf(ready)));
  }

  @Test
  void aRebuildTakesExactlyTheRegistrysReadySessions() throws IOException {
    ProxyMapFile file = new ProxyMapFile(dir.resolve("proxy.txt"));
    ProxyMapSync sync = new ProxyMapSync(file, registry);
    Session ready = ready(9000);
    registry.add(
        Starting.session(
            SessionId.random(), "viz", "tester", new HostPort("127.0.0.1", 9001), clock.instant()));

    sync.rebuild();

    assertEquals(List.of(ready.id() + " 127.0.0.1:9000"), Files.readAllLines(file.path()));
  }

  @Test
  void linesComeWhenReadyInThatOrderAndGoWhenStopping() throws IOException {
    CountingFile file = new CountingFile(dir.resolve("proxy.txt"));
    file.releaseFirstWrite.countDown();
    ProxyMapSync sync = new ProxyMapSync(file, registry);
    Session second = ready(9002);
    Session first = ready(9001);
    sync.onChange(changeOf(first));
    sync.onChange(changeOf(second));
    assertEquals(
        List.of(first.id() + " 127.0.0.1:9001", second.id() + " 127.0.0.1:9002"),
        Files.readAllLines(file.path()));

    sync.onChange(changeOf(first.withState(SessionState.STOPPING)));
    assertEquals(List.of(second.id() + " 127.0.0.1:9002"), Files.readAllLines(file.path()));

    int writes = file.writes.get();
    sync.onChange(changeOf(first.withState(SessionState.STOPPING)));
    Session neverReady =
        Starting.session(
                SessionId.random(), "viz", "t", new HostPort("127.0.0.1", 9003), clock.instant())
            .snapshot();
    sync.onChange(changeOf(neverReady.withState(SessionState.STOPPING)));
    assertEquals(writes, file.writes.get(), "writes for sessions that had no line");
  }

  /** A program that exits right after its ready line: its end can begin before ready is told. */
  @Test
  void aReadyToldAfterTheEndBeganGetsNoLineAndAnEndTakesALineAway() throws IOException {
    ProxyMapFile file = new ProxyMapFile(dir.resolve("proxy.txt"));
    ProxyMapSync sync = new ProxyMapSync(file, registry);
    LiveSession exiting =
        Starting.session(
            SessionId.random(), "viz", "tester", new HostPort("127.0.0.1", 9005), clock.instant());
    registry.add(exiting);
    exiting.markReady(clock.instant());
    Session ready = exiting.snapshot();
    assertTrue(exiting.beginEnd(EndCause.EXITED));
    sync.onChange(changeOf(exiting.snapshot()));

    sync.onChange(changeOf(ready));

    assertTrue(
        !Files.exists(file.path()) || Files.readAllLines(file.path()).isEmpty(),
        "no line for a session whose end began");
    Session other = ready(9006);
    sync.onChange(changeOf(other));
    sync.onChange(changeOf(other.withState(SessionState.ENDED)));
    assertEquals(List.of(), Files.readAllLines(file.path()));
  }

  private static SessionChange changeOf(Session session) {
    return new SessionChange(session, Optional.empty());
  }
}
