package io.sessionlauncher.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.testing.Await;
import io.sessionlauncher.engine.testing.Engine;
import io.sessionlauncher.engine.testing.ExtraBeans;
import io.sessionlauncher.engine.testing.FreePorts;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.LimitReachedException;
import io.sessionlauncher.model.ResourcesExhaustedException;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.spi.ServerType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session core's rules with products a test drives ({@link ScriptedPlugin}): admission and its
 * lock, the order of state changes, and how failed starts are recorded.
 */
class SessionCoreTest {
  private static final long WAIT_SECONDS = 10;

  @TempDir Path dir;

  private final List<SessionChange> changes = new CopyOnWriteArrayList<>();
  private final List<ScriptedPlugin.Product> products = new CopyOnWriteArrayList<>();
  private final ExecutorService clients = Executors.newCachedThreadPool();
  private Engine engine;

  @AfterEach
  void stop() {
    clients.shutdownNow();
    if (engine != null) {
      engine.close();
    }
  }

  private LauncherJson config(int ports) {
    int first = FreePorts.range(ports);
    return LauncherJson.in(dir).resource("127.0.0.1", first, first + ports - 1).timeout(20);
  }

  private SessionManager start(LauncherJson json, ScriptedPlugin plugin) {
    engine =
        new Engine(
            json.load(),
            new ExtraBeans()
                .add(ScriptedPlugin.BEAN_TYPE, plugin)
                .observe(SessionChange.class, changes::add));
    return engine.sessions();
  }

  /** A plugin whose products are ready as soon as they start. */
  private ScriptedPlugin readyAtOnce() {
    return new ScriptedPlugin(
        Map.of(),
        context -> {
          ScriptedPlugin.Product product =
              new ScriptedPlugin.Product(Map.of()) {
                @Override
                public void start() {
                  super.start();
                  ready.complete(null);
                }
              };
          products.add(product);
          return product;
        });
  }

  private static LaunchRequest request(String application) {
    return new LaunchRequest(application, Map.of("application", application), "tester");
  }

  private static Map<String, Object> scripted(Object... limits) {
    Map<String, Object> app = new java.util.LinkedHashMap<>();
    app.put("product", "scripted");
    app.put("mode", "test");
    for (int i = 0; i < limits.length; i += 2) {
      app.put((String) limits[i], limits[i + 1]);
    }
    return app;
  }

  private List<SessionState> statesOf(Session session) {
    List<SessionState> states = new ArrayList<>();
    for (SessionChange change : changes) {
      if (change.session().id().equals(session.id())) {
        states.add(change.state());
      }
    }
    return states;
  }

  private SessionChange endOfOnlySession() {
    // A caller waiting for an end another thread carries out is answered as the session is
    // finished, a moment before that thread announces the end.
    Await.until(
        Duration.ofSeconds(WAIT_SECONDS),
        () -> changes.stream().anyMatch(change -> change.state() == SessionState.ENDED),
        "the end announced");
    List<SessionChange> ends =
        changes.stream().filter(change -> change.state() == SessionState.ENDED).toList();
    assertEquals(1, ends.size(), "ends " + ends);
    return ends.get(0);
  }

  @Test
  void aSessionMovesThroughStartingReadyStoppingEndedOnce() {
    SessionManager sessions = start(config(1).set("apps.viz", scripted()), readyAtOnce());

    Session session = sessions.create(request("viz"));
    assertEquals(List.of(SessionState.STARTING, SessionState.READY), statesOf(session));

    sessions.stop(session.id());
    sessions.stop(session.id());

    assertEquals(
        List.of(
            SessionState.STARTING, SessionState.READY, SessionState.STOPPING, SessionState.ENDED),
        statesOf(session));
  }

  @Test
  void concurrentLaunchesNeverExceedTheApplicationsMaximum() throws Exception {
    SessionManager sessions =
        start(config(20).set("apps.viz", scripted("max_sessions", 3)), readyAtOnce());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Session>> launches = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      launches.add(
          clients.submit(
              () -> {
                go.await();
                return sessions.create(request("viz"));
              }));
    }
    go.countDown();

    int ready = 0;
    int refused = 0;
    for (Future<Session> launch : launches) {
      try {
        launch.get(WAIT_SECONDS, TimeUnit.SECONDS);
        ready++;
      } catch (ExecutionException e) {
        assertTrue(e.getCause() instanceof ResourcesExhaustedException, e.getCause().toString());
        assertTrue(e.getCause().getMessage().contains("maximum of 3"), e.getCause().getMessage());
        refused++;
      }
    }
    assertEquals(3, ready);
    assertEquals(9, refused);
    assertEquals(3, engine.bean(SessionRegistry.class).countOfApp("viz"));
    assertEquals(3, products.size(), "no product created for a refused launch");
  }

  @Test
  void concurrentLaunchesOfOneUserNeverExceedThePerUserLimit() throws Exception {
    SessionManager sessions =
        start(
            config(20).set("configuration.max_sessions_per_user", 3).set("apps.viz", scripted()),
            readyAtOnce());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Session>> launches = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String owner = i < 10 ? "alice" : "bob";
      launches.add(
          clients.submit(
              () -> {
                go.await();
                return sessions.create(
                    new LaunchRequest("viz", Map.of("application", "viz"), owner));
              }));
    }
    go.countDown();

    int refused = 0;
    for (Future<Session> launch : launches) {
      try {
        launch.get(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertTrue(e.getCause() instanceof LimitReachedException, e.getCause().toString());
        refused++;
      }
    }
    assertEquals(7, refused, "alice's launches past 3");
    assertEquals(3, engine.bean(SessionRegistry.class).countOfOwner("alice"));
    assertEquals(2, engine.bean(SessionRegistry.class).countOfOwner("bob"));
    assertEquals(5, products.size(), "no product created for a refused launch");
  }

  @Test
  void aSlowPluginDoesNotHoldUpOtherLaunches() throws Exception {
    CountDownLatch slowCreateEntered = new CountDownLatch(1);
    CountDownLatch releaseSlowCreate = new CountDownLatch(1);
    AtomicBoolean first = new AtomicBoolean(true);
    ScriptedPlugin plugin =
        new ScriptedPlugin(
            Map.of(),
            context -> {
              if (first.getAndSet(false)) {
                slowCreateEntered.countDown();
                await(releaseSlowCreate);
              }
              ScriptedPlugin.Product product = new ScriptedPlugin.Product(Map.of());
              product.ready.complete(null);
              return product;
            });
    SessionManager sessions = start(config(2).set("apps.viz", scripted()), plugin);

    Future<Session> slow = clients.submit(() -> sessions.create(request("viz")));
    assertTrue(slowCreateEntered.await(WAIT_SECONDS, TimeUnit.SECONDS), "slow create not called");

    // Admission is over for the slow one: another launch is not queued behind its plugin.
    Future<Session> quick = clients.submit(() -> sessions.create(request("viz")));
    assertEquals(SessionState.READY, quick.get(WAIT_SECONDS, TimeUnit.SECONDS).state());
    assertFalse(slow.isDone());

    releaseSlowCreate.countDown();
    assertEquals(SessionState.READY, slow.get(WAIT_SECONDS, TimeUnit.SECONDS).state());
  }

  @Test
  void aProductStartedWithoutItsServerIsAFailedStartNotAnExit() {
    ScriptedPlugin plugin =
        new ScriptedPlugin(
            Map.of("main", ServerType.GENERIC),
            context -> {
              ScriptedPlugin.Product product = new ScriptedPlugin.Product(Map.of());
              product.ready.complete(null);
              return product;
            });
    SessionManager sessions = start(config(1).set("apps.viz", scripted()), plugin);

    SessionStartException e =
        assertThrows(SessionStartException.class, () -> sessions.create(request("viz")));

    assertEquals(SessionStartException.Reason.CANNOT_START, e.reason());
    assertTrue(e.getMessage().contains("server 'main'"), e.getMessage());
    assertEquals(EndCause.START_FAILED, endOfOnlySession().session().endCause());
    assertEquals(List.of(), sessions.list());
    assertEquals(engine.pool().size(), engine.pool().available());
  }

  @Test
  void anInterruptedWaitIsReportedAsInterruptedNotAsATimeout() throws Exception {
    ScriptedPlugin plugin =
        new ScriptedPlugin(Map.of(), context -> track(new ScriptedPlugin.Product(Map.of())));
    SessionManager sessions = start(config(1).set("apps.viz", scripted()), plugin);
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    Thread client =
        new Thread(
            () -> {
              try {
                sessions.create(request("viz"));
                failure.complete(null);
              } catch (RuntimeException e) {
                failure.complete(e);
              }
            });
    client.start();
    waitForProduct();

    client.interrupt();

    Throwable thrown = failure.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertTrue(thrown instanceof SessionStartException, String.valueOf(thrown));
    assertEquals(
        SessionStartException.Reason.INTERRUPTED, ((SessionStartException) thrown).reason());
    assertEquals(EndCause.START_FAILED, endOfOnlySession().session().endCause());
    assertTrue(products.get(0).exit.isDone(), "the product was stopped");
    assertEquals(engine.pool().size(), engine.pool().available());
  }

  @Test
  void aProductExitingBeforeReadyIsRecordedAsSuch() throws Exception {
    ScriptedPlugin plugin =
        new ScriptedPlugin(Map.of(), context -> track(new ScriptedPlugin.Product(Map.of())));
    SessionManager sessions = start(config(1).set("apps.viz", scripted()), plugin);
    Future<Session> launch = clients.submit(() -> sessions.create(request("viz")));
    waitForProduct();

    products.get(0).exit.complete(3);

    ExecutionException e =
        assertThrows(ExecutionException.class, () -> launch.get(WAIT_SECONDS, TimeUnit.SECONDS));
    SessionStartException start = (SessionStartException) e.getCause();
    assertEquals(SessionStartException.Reason.EXITED, start.reason());
    assertTrue(start.getMessage().contains("code 3"), start.getMessage());
    assertEquals(EndCause.EXITED_BEFORE_READY, endOfOnlySession().session().endCause());
  }

  private ScriptedPlugin.Product track(ScriptedPlugin.Product product) {
    products.add(product);
    return product;
  }

  private void waitForProduct() {
    Await.until(
        Duration.ofSeconds(WAIT_SECONDS),
        () -> changes.stream().anyMatch(change -> change.state() == SessionState.STARTING),
        "the product started and recorded");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
