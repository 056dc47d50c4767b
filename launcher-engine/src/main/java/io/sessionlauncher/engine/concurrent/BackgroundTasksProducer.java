package io.sessionlauncher.engine.concurrent;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Produces {@link BackgroundTasks}: the container's default {@code ManagedExecutorService} when
 * there is one, else an own pool of daemon threads that is shut down with the application. The
 * managed one is never shut down here; it belongs to the container.
 */
@ApplicationScoped
public class BackgroundTasksProducer {
  static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";
  private static final Logger LOG = Logger.getLogger(BackgroundTasksProducer.class.getName());

  @Produces
  @ApplicationScoped
  BackgroundTasks backgroundTasks() {
    try {
      Object found = new InitialContext().lookup(MANAGED_EXECUTOR);
      if (found instanceof ManagedExecutorService managed) {
        LOG.info("Sessions run on the container's managed executor " + MANAGED_EXECUTOR);
        return new Managed(managed);
      }
    } catch (NamingException | RuntimeException e) {
      LOG.fine("No managed executor (" + e + "); using an own pool");
    }
    return new Own(Executors.newCachedThreadPool(new DaemonThreads()));
  }

  void close(@Disposes BackgroundTasks tasks) {
    if (tasks instanceof Own own) {
      own.pool.shutdownNow();
    }
  }

  private record Managed(ManagedExecutorService executor) implements BackgroundTasks {
    private static final Map<String, String> LONG_RUNNING =
        Map.of(ManagedTask.LONGRUNNING_HINT, Boolean.TRUE.toString());

    @Override
    public void execute(Runnable task) {
      executor.execute(task);
    }

    @Override
    public void executeLongRunning(Runnable task) {
      executor.execute(ManagedExecutors.managedTask(task, LONG_RUNNING, null));
    }

    @Override
    public boolean managed() {
      return true;
    }
  }

  private record Own(ExecutorService pool) implements BackgroundTasks {
    @Override
    public void execute(Runnable task) {
      pool.execute(task);
    }

    @Override
    public void executeLongRunning(Runnable task) {
      pool.execute(task);
    }

    @Override
    public boolean managed() {
      return false;
    }
  }

  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "session-launcher-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
