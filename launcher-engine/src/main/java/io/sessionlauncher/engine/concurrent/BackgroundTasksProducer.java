package io.sessionlauncher.engine.concurrent;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Produces {@link BackgroundTasks}: in a container, its default {@code ManagedExecutorService},
 * {@code ManagedScheduledExecutorService} and {@code ManagedThreadFactory}; else own pools of
 * daemon threads, shut down with the application. The container's executors are never shut down
 * here; they belong to the container (only the launcher's own pool of managed threads is).
 */
@ApplicationScoped
public class BackgroundTasksProducer {
  static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";
  static final String MANAGED_THREADS = "java:comp/DefaultManagedThreadFactory";
  static final String MANAGED_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
  private static final Logger LOG = Logger.getLogger(BackgroundTasksProducer.class.getName());
  private static final long IDLE_THREAD_SECONDS = 60;

  @Produces
  @ApplicationScoped
  @SuppressWarnings("BanJNDI") // looks up the two fixed java:comp names above, never input
  BackgroundTasks backgroundTasks() {
    try {
      InitialContext naming = new InitialContext();
      Object found = naming.lookup(MANAGED_EXECUTOR);
      if (found instanceof ManagedExecutorService managed) {
        ManagedThreadFactory threads = (ManagedThreadFactory) naming.lookup(MANAGED_THREADS);
        ManagedScheduledExecutorService scheduler =
            (ManagedScheduledExecutorService) naming.lookup(MANAGED_SCHEDULER);
        LOG.info(
            "Sessions run on the container's managed executor "
                + MANAGED_EXECUTOR
                + " and threads of "
                + MANAGED_THREADS
                + ", periodic work on "
                + MANAGED_SCHEDULER);
        return new Managed(managed, reusing(threads), scheduler);
      }
    } catch (NamingException | RuntimeException e) {
      LOG.fine("No managed executor (" + e + "); using an own pool");
    }
    return new Own(
        Executors.newCachedThreadPool(new DaemonThreads("session-launcher-")),
        Executors.newSingleThreadScheduledExecutor(new DaemonThreads("session-launcher-sweeper-")));
  }

  /**
   * Threads of the managed thread factory kept for a minute after their task: a launch's readiness
   * watch then takes a waiting thread instead of making one, which with the container's context to
   * capture costs more than the rest of the launch's own work.
   */
  private static ExecutorService reusing(ManagedThreadFactory threads) {
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        IDLE_THREAD_SECONDS,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        task -> {
          Thread thread = threads.newThread(task);
          thread.setDaemon(true);
          return thread;
        });
  }

  void close(@Disposes BackgroundTasks tasks) {
    if (tasks instanceof Own own) {
      own.pool.shutdownNow();
      own.scheduler.shutdownNow();
    } else if (tasks instanceof Managed managed) {
      // Only the launcher's own pool of managed threads; the container's executors are its own.
      managed.longRunning.shutdownNow();
    }
  }

  /**
   * Short tasks on the managed executor; tasks that block for long (a readiness watch, an output
   * pump) on threads of the managed thread factory, kept in a pool of their own. Liberty runs its
   * managed executor's tasks on its global thread pool, also serving HTTP, whatever the
   * long-running hint: blocked tasks there would starve new requests.
   */
  private record Managed(
      ManagedExecutorService executor,
      ExecutorService longRunning,
      ManagedScheduledExecutorService scheduler)
      implements BackgroundTasks {
    @Override
    public void execute(Runnable task) {
      executor.execute(task);
    }

    @Override
    public void executeLongRunning(Runnable task) {
      longRunning.execute(task);
    }

    @Override
    public Future<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
      return scheduler.scheduleWithFixedDelay(
          task, delay.toNanos(), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean managed() {
      return true;
    }
  }

  private record Own(ExecutorService pool, ScheduledExecutorService scheduler)
      implements BackgroundTasks {
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
  }

  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();
    private final String prefix;

    DaemonThreads(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
