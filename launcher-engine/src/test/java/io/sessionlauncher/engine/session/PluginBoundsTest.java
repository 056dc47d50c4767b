package io.sessionlauncher.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.testing.Await;
import io.sessionlauncher.engine.testing.ChildProcessGuard;
import io.sessionlauncher.engine.testing.Engine;
import io.sessionlauncher.engine.testing.ExtraBeans;
import io.sessionlauncher.engine.testing.FreePorts;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.engine.testing.Processes;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.spi.LaunchContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin cannot hold the launcher: its {@code create}, {@code check} and {@code stop} are bounded
 * in time, and whatever it throws ends the session it belongs to, not the launcher's work for the
 * others.
 */
@Timeout(60) // a test of a hang must fail, not hang, when the bound is missing
class PluginBoundsTest {
  /** Lets every hanging plugin call return once the test is over. */
  private final CountDownLatch release = new CountDownLatch(1);

  @RegisterExtension final ChildProcessGuard guard = new ChildProcessGuard();

  @TempDir Path dir;

  private Engine engine;

  @AfterEach
  void stop() {
    release.countDown();
    if (engine != null) {
      engine.close();
    }
  }

  private void hang() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private SessionManager start(double timeout, Function<LaunchContext, ScriptedPlugin.Product> f) {
    int port = FreePorts.range(2);
    LauncherJson json =
        LauncherJson.in(dir)
            .resource("127.0.0.1", port, port + 1)
            .timeout(timeout)
            .stopGrace(0.5)
            .set("configuration.sweep_interval", 3600)
            .set("apps.viz", Map.of("product", "scripted", "mode", "test"));
    engine =
        new Engine(
            json.load(),
            new ExtraBeans().add(ScriptedPlugin.BEAN_TYPE, new ScriptedPlugin(Map.of(), f)));
    return engine.sessions();
  }

  private static LaunchRequest request() {
    return new LaunchRequest("viz", Map.of("application", "viz"), "tester");
  }

  private ProcessHandle sleeper() {
    try {
      return guard.track(new ProcessBuilder("sleep", "100").start()).toHandle();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertNothingLeft() {
    assertEquals(List.of(), engine.sessions().list());
    assertEquals(engine.pool().size(), engine.pool().available(), "every pair back in the pool");
    assertEquals("", engine.proxy().read());
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** A ready product with a real process, whose {@code stop} never returns on its own. */
  private final class HangingInStop extends ScriptedPlugin.Product {
    private final ProcessHandle process = sleeper();

    HangingInStop() {
      super(Map.of());
      ready.complete(null);
    }

    @Override
    public void stop(Duration grace) {
      hang();
    }

    @Override
    public Optional<ProcessHandle> process() {
      return Optional.of(process);
    }
  }

  /** A product that gives no ready signal, so the launcher polls {@code check}. */
  private abstract static class Polled extends ScriptedPlugin.Product {
    Polled() {
      super(Map.of());
    }

    @Override
    public Optional<CompletionStage<Void>> whenReady() {
      return Optional.empty();
    }
  }

  @Test
  void aPluginHangingInStopDoesNotHoldTheEndAndItsProcessIsKilled() {
    List<HangingInStop> products = new java.util.concurrent.CopyOnWriteArrayList<>();
    SessionManager sessions =
        start(
            20,
            context -> {
              HangingInStop product = new HangingInStop();
              products.add(product);
              return product;
            });
    Session session = sessions.create(request());

    long begin = System.nanoTime();
    Session ended = sessions.stop(session.id());
    long took = millisSince(begin);

    assertTrue(took < 15_000, "the end took " + took + " ms");
    assertEquals(EndCause.STOPPED, ended.endCause());
    Processes.assertAllGone(List.of(products.get(0).process));
    assertNothingLeft();
  }

  @Test
  void shutdownIsNotHeldByAPluginHangingInStop() {
    List<HangingInStop> products = new java.util.concurrent.CopyOnWriteArrayList<>();
    SessionManager sessions =
        start(
            20,
            context -> {
              HangingInStop product = new HangingInStop();
              products.add(product);
              return product;
            });
    sessions.create(request());
    sessions.create(request());

    long begin = System.nanoTime();
    engine.close();
    long took = millisSince(begin);
    engine = null;

    assertTrue(took < 15_000, "shutdown took " + took + " ms");
    Processes.assertAllGone(List.of(products.get(0).process, products.get(1).process));
  }

  @Test
  void aCheckThatThrowsEndsTheStartAsAFailureAtOnce() {
    SessionManager sessions =
        start(
            20,
            context ->
                new Polled() {
                  @Override
                  public boolean check(Duration timeout) {
                    throw new IllegalStateException("the product's health page is broken");
                  }
                });

    long begin = System.nanoTime();
    assertThrows(RuntimeException.class, () -> sessions.create(request()));

    assertTrue(millisSince(begin) < 10_000, "failed after " + millisSince(begin) + " ms");
    assertNothingLeft();
  }

  @Test
  void aCheckThatThrowsAnErrorEndsTheStartAsAFailureAtOnce() {
    SessionManager sessions =
        start(
            20,
            context ->
                new Polled() {
                  @Override
                  public boolean check(Duration timeout) {
                    throw new NoClassDefFoundError("org/example/HealthProbe");
                  }
                });

    long begin = System.nanoTime();
    SessionStartException e =
        assertThrows(SessionStartException.class, () -> sessions.create(request()));

    assertTrue(millisSince(begin) < 10_000, "failed after " + millisSince(begin) + " ms");
    assertEquals(SessionStartException.Reason.CANNOT_START, e.reason());
    assertNothingLeft();
  }

  @Test
  void aCheckThatHangsEndsTheStartAtTheTimeout() {
    SessionManager sessions =
        start(
            1,
            context ->
                new Polled() {
                  @Override
                  public boolean check(Duration timeout) {
                    hang();
                    return false;
                  }
                });

    long begin = System.nanoTime();
    SessionStartException e =
        assertThrows(SessionStartException.class, () -> sessions.create(request()));

    assertTrue(millisSince(begin) < 10_000, "failed after " + millisSince(begin) + " ms");
    assertEquals(SessionStartException.Reason.TIMEOUT, e.reason());
    assertNothingLeft();
  }

  @Test
  void aCreateThatHangsIsRefusedAfterTheTimeoutAndTakesNothing() {
    SessionManager sessions =
        start(
            1,
            context -> {
              hang();
              return new ScriptedPlugin.Product(Map.of());
            });

    long begin = System.nanoTime();
    SessionStartException e =
        assertThrows(SessionStartException.class, () -> sessions.create(request()));

    assertTrue(millisSince(begin) < 10_000, "refused after " + millisSince(begin) + " ms");
    assertTrue(e.getMessage().contains("create"), e.getMessage());
    assertNothingLeft();
  }

  @Test
  void aCheckThatThrowsOrHangsInASweepEndsItsSessionAndNotTheSweep() {
    CountDownLatch hanging = new CountDownLatch(1);
    SessionManager sessions =
        start(
            20,
            context ->
                new ScriptedPlugin.Product(Map.of()) {
                  {
                    ready.complete(null);
                  }

                  @Override
                  public boolean check(Duration timeout) {
                    if (hanging.getCount() > 0) {
                      hanging.countDown();
                      hang();
                    }
                    throw new IllegalStateException("broken");
                  }

                  @Override
                  public Optional<CompletionStage<Integer>> onExit() {
                    return Optional.empty();
                  }
                });
    Session first = sessions.create(request());
    Session second = sessions.create(request());

    long begin = System.nanoTime();
    engine.bean(SessionSweeper.class).sweep();
    assertTrue(millisSince(begin) < 10_000, "the sweep took " + millisSince(begin) + " ms");

    for (Session session : List.of(first, second)) {
      Await.until(
          Duration.ofSeconds(10),
          () -> sessions.find(session.id()).map(s -> s.state() == SessionState.ENDED).orElse(false),
          "session " + session.id() + " ended");
      assertEquals(EndCause.EXITED, sessions.find(session.id()).orElseThrow().endCause());
    }
    assertEquals(0, hanging.getCount(), "the first check hung");
  }
}
