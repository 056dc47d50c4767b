package io.sessionlauncher.spi;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks on another executor, at most a given number at a time; the others wait in order. A
 * product serving connections in the launcher's JVM (an embedded HTTP server, say) hands its
 * connections to one of these, so that thousands of slow clients of one session hold a few threads
 * of the server, not one each. Obtained from {@link LaunchContext#limitedExecutor(int)}.
 */
public final class ConcurrencyLimitedExecutor implements Executor {
  private final Executor delegate;
  private final int limit;
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int running;

  ConcurrencyLimitedExecutor(Executor delegate, int limit) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    this.limit = limit;
  }

  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    synchronized (this) {
      if (running >= limit) {
        waiting.add(task);
        return;
      }
      running++;
    }
    start(task);
  }

  private void start(Runnable first) {
    try {
      delegate.execute(() -> runThenNext(first));
    } catch (RuntimeException e) {
      synchronized (this) {
        running--;
      }
      throw e;
    }
  }

  /** Each turn keeps its thread for the tasks that queued meanwhile, then gives it back. */
  private void runThenNext(Runnable first) {
    Runnable task = first;
    while (task != null) {
      try {
        task.run();
      } finally {
        synchronized (this) {
          task = waiting.poll();
          if (task == null) {
            running--;
          }
        }
      }
    }
  }
}
