package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.spi.PluginException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a call into plugin code on a thread of its own and waits for it at most a bound, so a plugin
 * that hangs cannot hold the caller: an end, a sweep, a shutdown, a request. A call that overruns
 * is interrupted and left to finish on its thread; the caller goes on.
 */
public final class BoundedCall<T> implements Runnable {
  private final Supplier<T> body;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private Thread runner;
  private boolean finished;

  private BoundedCall(Supplier<T> body) {
    this.body = body;
  }

  /**
   * Runs {@code body} on {@code executor} (on a daemon thread of its own when the executor refuses
   * work, as a container's may while it shuts down) and returns its answer.
   *
   * @param call what is called, for messages, e.g. {@code "Plugin x.y: stop"}
   * @throws PluginTimeoutException when it does not return within {@code limit}
   * @throws PluginException when it throws something other than a {@link RuntimeException}
   */
  public static <T> T call(Executor executor, Duration limit, String call, Supplier<T> body) {
    BoundedCall<T> task = new BoundedCall<>(body);
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      Thread thread = new Thread(task, call);
      thread.setDaemon(true);
      thread.start();
    }
    try {
      return task.result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      task.abandon();
      throw new PluginTimeoutException(call, limit);
    } catch (InterruptedException e) {
      task.abandon();
      Thread.currentThread().interrupt();
      throw new PluginException(call + " interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof VirtualMachineError error) {
        throw error;
      }
      // A plugin's Error (a class missing from its jar, an assertion) fails that call only.
      throw new PluginException(call + " failed: " + cause, cause);
    }
  }

  @Override
  public void run() {
    synchronized (this) {
      runner = Thread.currentThread();
    }
    try {
      result.complete(body.get());
    } catch (Throwable e) { // handed to the caller, whatever it is
      result.completeExceptionally(e);
    } finally {
      synchronized (this) {
        finished = true;
        runner = null;
        // An interrupt meant for this call must not reach the pool's next task.
        var unused = Thread.interrupted();
      }
    }
  }

  /** Interrupts the call if it still runs: one that waits interruptibly returns early. */
  private synchronized void abandon() {
    if (!finished && runner != null) {
      runner.interrupt();
    }
  }
}
