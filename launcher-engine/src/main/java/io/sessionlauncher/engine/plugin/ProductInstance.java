package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.PluginException;
import io.sessionlauncher.spi.ProductLauncher;
import io.sessionlauncher.spi.ProductTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A running product in plain Java, without an application server: started when you get it, stopped
 * by {@link #stop} (as often as you like), by {@link #close} at the end of a try-with-resources
 * block, or at the latest when the JVM exits.
 *
 * <pre>{@code
 * try (ProductInstance server = ProductLaunchers.fromClassPath().launch("http-server")) {
 *   server.awaitAnswer(Duration.ofSeconds(10));
 *   String address = server.urls().get("main");
 * }
 * }</pre>
 */
public final class ProductInstance implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ProductInstance.class.getName());
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(1);
  private static final long POLL_NANOS = 50_000_000L;

  private final String name;
  private final LauncherPlugin<?> plugin;
  private final Supplier<ProductLauncher> factory;
  private final Duration stopGrace;
  private ProductLauncher launcher;
  private ExecutorService executor;
  private Thread exitHook;
  private boolean stopped = true;

  private ProductInstance(
      LauncherPlugin<?> plugin, Supplier<ProductLauncher> factory, Duration stopGrace) {
    this.name = plugin.name();
    this.plugin = plugin;
    this.factory = factory;
    this.stopGrace = stopGrace;
  }

  /** Creates and starts an instance of {@code plugin} with {@code config}. */
  @SuppressWarnings("UnnecessaryMethodReference") // executor::execute hides the pool from plugins
  static <C extends Record> ProductInstance start(
      LauncherPlugin<C> plugin, C config, Duration stopGrace) {
    ProductInstance[] self = new ProductInstance[1];
    ProductInstance instance =
        new ProductInstance(
            plugin,
            () ->
                plugin.create(
                    config,
                    new LaunchContext(
                        plugin.name(), null, null, null, stopGrace, 0, self[0].executor::execute)),
            stopGrace);
    self[0] = instance;
    instance.start();
    return instance;
  }

  private synchronized void start() {
    executor = Executors.newCachedThreadPool(daemonThreads(name));
    launcher = factory.get();
    try {
      launcher.start();
      for (String key : plugin.serverSpec().keySet()) {
        if (!launcher.urls().containsKey(key)) {
          throw new PluginException(name + " started without its server '" + key + "'");
        }
      }
    } catch (RuntimeException e) {
      launcher.stop(stopGrace);
      executor.shutdownNow();
      throw e;
    }
    exitHook = new Thread(this::stopAtExit, "stop " + name + " at exit");
    Runtime.getRuntime().addShutdownHook(exitHook);
    stopped = false;
  }

  /** Stops the product with the grace period it was launched with; does nothing if stopped. */
  public void stop() {
    stop(stopGrace);
  }

  /** Stops the product, killing it after {@code grace}; does nothing if already stopped. */
  public synchronized void stop(Duration grace) {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      launcher.stop(grace);
    } finally {
      executor.shutdownNow();
      removeExitHook();
    }
  }

  /** Stops the product and starts it again with the same configuration. */
  public synchronized void restart() {
    stop();
    start();
  }

  /** Whether the product answers, within a second. */
  public boolean check() {
    return check(CHECK_TIMEOUT);
  }

  /** Whether the product answers, within {@code timeout}; false once stopped. */
  public boolean check(Duration timeout) {
    ProductLauncher current;
    synchronized (this) {
      if (stopped) {
        return false;
      }
      current = launcher;
    }
    return current.check(timeout);
  }

  /**
   * Waits until the product answers: polls {@link #check} until it succeeds.
   *
   * @throws ProductTimeoutException naming the product when {@code timeout} passes first
   */
  public void awaitAnswer(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new ProductTimeoutException(name, timeout);
      }
      if (check(Duration.ofNanos(Math.min(left, CHECK_TIMEOUT.toNanos())))) {
        return;
      }
      LockSupport.parkNanos(Math.min(POLL_NANOS, Math.max(0, deadline - System.nanoTime())));
    }
  }

  /** Where each server of the product listens, {@code host:port} by key; empty once stopped. */
  public synchronized Map<String, String> urls() {
    return stopped ? Map.of() : launcher.urls();
  }

  /** Whether the instance has been stopped. */
  public synchronized boolean stopped() {
    return stopped;
  }

  /** {@code <product>.<mode>} of the plugin that runs it. */
  public String name() {
    return name;
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private void stopAtExit() {
    try {
      synchronized (this) {
        exitHook = null;
      }
      stop();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not stop " + name + " at exit", e);
    }
  }

  private void removeExitHook() {
    if (exitHook != null && Thread.currentThread() != exitHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(exitHook);
      } catch (IllegalStateException e) {
        // The JVM is already exiting; the hook runs or has run.
      }
    }
    exitHook = null;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
