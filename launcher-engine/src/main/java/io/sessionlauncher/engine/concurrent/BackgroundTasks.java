package io.sessionlauncher.engine.concurrent;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/**
 * Runs the launcher's background work: short tasks, tasks that last as long as a start or a
 * session, and periodic work. Inside a container it is the container's managed executors and thread
 * factory; in plain Java, own daemon threads.
 */
public interface BackgroundTasks extends Executor {

  /**
   * Runs a task that may block for long (a readiness watch, an output pump) on a thread of its own.
   */
  void executeLongRunning(Runnable task);

  /**
   * Runs {@code task} every {@code delay}, measured from the end of one run to the start of the
   * next, until the returned future is cancelled.
   */
  Future<?> scheduleWithFixedDelay(Runnable task, Duration delay);

  /** Whether the work runs on the container's managed executor. */
  boolean managed();
}
