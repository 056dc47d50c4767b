package io.sessionlauncher.engine.testing;

import io.sessionlauncher.engine.concurrent.BackgroundTasks;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link BackgroundTasks} on an own pool of daemon threads, for engine objects built by hand. */
public final class TestBackgroundTasks implements BackgroundTasks, AutoCloseable {
  private final AtomicInteger count = new AtomicInteger();
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "test-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "test-scheduler");
            thread.setDaemon(true);
            return thread;
          });

  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  @Override
  public void executeLongRunning(Runnable task) {
    pool.execute(task);
  }

  @Override
  public Future<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
    return scheduler.scheduleWithFixedDelay(
        task, delay.toNanos(), delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public boolean managed() {
    return false;
  }

  /** Stops the threads, waiting a few seconds at most. */
  @Override
  public void close() {
    pool.shutdownNow();
    scheduler.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
