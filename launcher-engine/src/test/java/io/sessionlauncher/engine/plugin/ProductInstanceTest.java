package io.sessionlauncher.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.spi.PluginException;
import io.sessionlauncher.spi.ProductTimeoutException;
import io.sessionlauncher.spi.ServerType;
import io.sessionlauncher.testing.FreePorts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java handle on a running product, with a product that is a listening socket so that
 * "running" and "stopped" can be seen from outside.
 */
class ProductInstanceTest {
  private static final Map<String, ServerType> MAIN = Map.of("main", ServerType.GENERIC);

  private final ProductLaunchers launchers = ProductLaunchers.fromClassPath();

  private static StubPlugin<StubPlugin.NoConfig> sockets(
      Map<String, ServerType> spec, Set<String> reported, boolean ready) {
    return StubPlugin.launching(
        "sockets", "local", spec, (config, context) -> new SocketProduct(reported, ready));
  }

  private static SocketProduct only(StubPlugin<?> plugin) {
    List<?> created = plugin.created();
    assertEquals(1, created.size(), "launchers created");
    return (SocketProduct) created.get(0);
  }

  @Test
  void aLaunchedInstanceIsStartedAndShowsItsServers() {
    StubPlugin<StubPlugin.NoConfig> plugin = sockets(MAIN, Set.of("main"), true);
    try (ProductInstance instance = launchers.launch(plugin, new StubPlugin.NoConfig())) {
      SocketProduct product = only(plugin);

      assertEquals("sockets.local", instance.name());
      assertFalse(instance.stopped());
      assertTrue(instance.check());
      assertEquals(Map.of("main", "127.0.0.1:" + product.port()), instance.urls());
      assertFalse(FreePorts.isFree(product.port()), "the product holds its port");
    }
  }

  @Test
  void stoppingTwiceStopsTheProductOnceAndCheckIsFalseAfterwards() {
    StubPlugin<StubPlugin.NoConfig> plugin = sockets(MAIN, Set.of("main"), true);
    ProductInstance instance = launchers.launch(plugin, new StubPlugin.NoConfig());
    SocketProduct product = only(plugin);

    instance.stop();
    instance.stop(Duration.ZERO);

    assertEquals(1, product.stops());
    assertTrue(instance.stopped());
    assertFalse(instance.check());
    assertFalse(instance.check(Duration.ofSeconds(1)));
    assertEquals(Map.of(), instance.urls());
    assertTrue(FreePorts.isFree(product.port()), "port free after stop");
  }

  @Test
  void closingAfterAManualStopDoesNothing() {
    StubPlugin<StubPlugin.NoConfig> plugin = sockets(MAIN, Set.of("main"), true);

    try (ProductInstance instance = launchers.launch(plugin, new StubPlugin.NoConfig())) {
      instance.stop();
    }

    assertEquals(1, only(plugin).stops());
  }

  @Test
  void closeStopsTheProduct() {
    StubPlugin<StubPlugin.NoConfig> plugin = sockets(MAIN, Set.of("main"), true);

    try (ProductInstance instance = launchers.launch(plugin, new StubPlugin.NoConfig())) {
      assertTrue(instance.check());
    }

    assertEquals(1, only(plugin).stops());
    assertTrue(FreePorts.isFree(only(plugin).port()));
  }

  @Test
  void restartStopsTheOldProductAndStartsANewOne() {
    StubPlugin<StubPlugin.NoConfig> plugin = sockets(MAIN, Set.of("main"), true);
    try (ProductInstance instance = launchers.launch(plugin, new StubPlugin.NoConfig())) {
      instance.restart();

      List<?> created = plugin.created();
      assertEquals(2, created.size());
      SocketProduct first = (SocketProduct) created.get(0);
      SocketProduct second = (SocketProduct) created.get(1);
      assertEquals(1, first.stops());
      assertTrue(FreePorts.isFree(first.port()), "the first product's port is free");
      assertNotEquals(first.port(), second.port());
      assertEquals(Map.of("main", "127.0.0.1:" + second.port()), instance.urls());
      assertFalse(instance.stopped());
      assertTrue(instance.check());
    }
  }

  @Test
  void restartAfterStopStartsItAgain() {
    StubPlugin<StubPlugin.NoConfig> plugin = sockets(MAIN, Set.of("main"), true);
    try (ProductInstance instance = launchers.launch(plugin, new StubPlugin.NoConfig())) {
      instance.stop();
      instance.restart();

      assertEquals(2, plugin.created().size());
      assertTrue(instance.check());
    }
  }

  @Test
  void waitReturnsOnceTheProductAnswers() {
    AtomicInteger checks = new AtomicInteger();
    StubPlugin<StubPlugin.NoConfig> plugin =
        StubPlugin.launching(
            "sockets",
            "local",
            MAIN,
            (config, context) ->
                new SocketProduct(Set.of("main"), true) {
                  @Override
                  public boolean check(Duration timeout) {
                    // Not ready for its first three checks, ready from the fourth on.
                    return checks.incrementAndGet() > 3 && super.check(timeout);
                  }
                });
    try (ProductInstance instance = launchers.launch(plugin, new StubPlugin.NoConfig())) {
      instance.awaitAnswer(Duration.ofSeconds(30));

      assertEquals(4, checks.get(), "checked until the first yes, and no more");
      assertFalse(instance.stopped(), "waiting leaves the product running");
      assertTrue(instance.check(), "it answers");
    }
  }

  @Test
  void waitThrowsATimeoutNamingTheProductAfterTheTimeout() {
    StubPlugin<StubPlugin.NoConfig> plugin = sockets(MAIN, Set.of("main"), false);
    try (ProductInstance instance = launchers.launch(plugin, new StubPlugin.NoConfig())) {
      long started = System.nanoTime();

      ProductTimeoutException timeout =
          assertThrows(
              ProductTimeoutException.class, () -> instance.awaitAnswer(Duration.ofMillis(300)));

      long waitedMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals("Product sockets.local was not ready after 300 ms", timeout.getMessage());
      assertTrue(waitedMillis >= 300, "waited " + waitedMillis + " ms");
      assertTrue(waitedMillis < 5_000, "waited " + waitedMillis + " ms");
      assertFalse(instance.stopped(), "a timeout leaves the product to its owner");
    }
  }

  @Test
  void waitOnAStoppedInstanceTimesOut() {
    StubPlugin<StubPlugin.NoConfig> plugin = sockets(MAIN, Set.of("main"), true);
    try (ProductInstance instance = launchers.launch(plugin, new StubPlugin.NoConfig())) {
      instance.stop();

      assertThrows(
          ProductTimeoutException.class, () -> instance.awaitAnswer(Duration.ofMillis(100)));
    }
  }

  @Test
  void aStartWithoutEveryServerOfTheSpecFailsAndLeavesNothingRunning() {
    StubPlugin<StubPlugin.NoConfig> plugin =
        sockets(
            Map.of("main", ServerType.GENERIC, "file_transfer", ServerType.GRPC),
            Set.of("main"),
            true);

    PluginException failure =
        assertThrows(
            PluginException.class, () -> launchers.launch(plugin, new StubPlugin.NoConfig()));

    assertEquals("sockets.local started without its server 'file_transfer'", failure.getMessage());
    SocketProduct product = only(plugin);
    assertEquals(1, product.stops(), "the half-started product was stopped");
    assertTrue(FreePorts.isFree(product.port()), "and its port is free");
  }

  @Test
  void aStartThatThrowsReachesTheCaller() {
    StubPlugin<StubPlugin.NoConfig> plugin =
        StubPlugin.launching(
            "broken",
            "local",
            Map.of(),
            (config, context) ->
                new SocketProduct(Set.of(), true) {
                  @Override
                  public synchronized void start() {
                    throw new PluginException("broken.local cannot start");
                  }
                });

    PluginException failure =
        assertThrows(
            PluginException.class, () -> launchers.launch(plugin, new StubPlugin.NoConfig()));

    assertEquals("broken.local cannot start", failure.getMessage());
  }

  @Test
  void launchingByNameResolvesAndBindsTheConfiguration() {
    PluginException unknown =
        assertThrows(PluginException.class, () -> launchers.launch("no-such-product"));

    assertTrue(unknown.getMessage().contains("'no-such-product'"), unknown.getMessage());
  }
}
