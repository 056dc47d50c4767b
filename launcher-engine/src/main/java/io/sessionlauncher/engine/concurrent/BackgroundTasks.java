package io.sessionlauncher.engine.concurrent;

import java.util.concurrent.Executor;

/**
 * Runs the launcher's background work: output pumps that live as long as their session, and short
 * tasks. Inside a container, long-lived tasks are marked so the server does not report their
 * threads as hung.
 */
public interface BackgroundTasks extends Executor {

  /** Runs a task that lasts as long as a session (an output pump). */
  void executeLongRunning(Runnable task);

  /** Whether the work runs on the container's managed executor. */
  boolean managed();
}
