package io.sessionlauncher.engine.process;

import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.model.SessionStartException.Reason;
import io.sessionlauncher.spi.ProductLauncher;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until a started product is ready: on its own signal when it gives one (the ready line),
 * else by polling {@code check}; in both cases an exit ends the wait at once.
 */
public final class Readiness {
  private static final long POLL_NANOS = 50_000_000L;

  private Readiness() {}

  /**
   * Completes once the product is ready, without holding a thread while it waits for a product that
   * signals its readiness (a product that must be polled is polled on a thread of {@code polling}).
   *
   * @return a future failing with {@link SessionStartException}: TIMEOUT, EXITED naming the exit
   *     code, or CANNOT_START when the product's readiness signal failed
   */
  public static CompletableFuture<Void> whenReady(
      ProductLauncher launcher, Duration timeout, Executor polling) {
    CompletableFuture<Integer> exit =
        launcher
            .onExit()
            .map(CompletionStage::toCompletableFuture)
            .orElseGet(CompletableFuture::new);
    CompletableFuture<Void> result = new CompletableFuture<>();
    Optional<CompletionStage<Void>> signal = launcher.whenReady();
    if (signal.isPresent()) {
      var unused =
          signal
              .get()
              .whenComplete(
                  (ready, failure) -> {
                    if (failure == null) {
                      result.complete(null);
                    } else {
                      result.completeExceptionally(
                          new SessionStartException(
                              Reason.CANNOT_START, "Readiness check failed", failure));
                    }
                  });
      var unusedExit =
          exit.whenComplete((code, failure) -> result.completeExceptionally(exited(code)));
    } else {
      polling.execute(
          () -> {
            try {
              poll(launcher, exit, timeout);
              result.complete(null);
            } catch (SessionStartException e) {
              result.completeExceptionally(e);
            } catch (RuntimeException | LinkageError | AssertionError e) {
              // A plugin's check that throws, even an Error (a class missing from its jar), is a
              // failed start at once: the session must not stay starting, holding its port.
              result.completeExceptionally(
                  new SessionStartException(Reason.CANNOT_START, "Readiness check failed", e));
            }
          });
    }
    return result
        .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .exceptionallyCompose(
            failure ->
                CompletableFuture.failedFuture(
                    failure instanceof TimeoutException
                        ? new SessionStartException(
                            Reason.TIMEOUT, SessionStartException.TIMEOUT_MESSAGE)
                        : failure));
  }

  /** Waits for {@code ready}; an earlier {@code exit} or the timeout is a start failure. */
  static void awaitSignal(
      CompletableFuture<Void> ready, CompletableFuture<Integer> exit, Duration timeout) {
    try {
      CompletableFuture.anyOf(ready, exit).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new SessionStartException(Reason.TIMEOUT, SessionStartException.TIMEOUT_MESSAGE);
    } catch (ExecutionException e) {
      throw new SessionStartException(Reason.CANNOT_START, "Readiness check failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted();
    }
    if (!ready.isDone()) {
      throw exited(exit.getNow(null));
    }
  }

  private static void poll(
      ProductLauncher launcher, CompletableFuture<Integer> exit, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (exit.isDone()) {
        throw exited(exit.getNow(null));
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SessionStartException(Reason.TIMEOUT, SessionStartException.TIMEOUT_MESSAGE);
      }
      if (launcher.check(Duration.ofNanos(Math.min(left, 1_000_000_000L)))) {
        return;
      }
      LockSupport.parkNanos(Math.min(POLL_NANOS, Math.max(0, deadline - System.nanoTime())));
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw interrupted();
      }
    }
  }

  private static SessionStartException interrupted() {
    return new SessionStartException(
        Reason.INTERRUPTED, "Interrupted while waiting for the session to be ready");
  }

  /** The failure of a process that ended, with its exit code when known, before it was ready. */
  public static SessionStartException exited(Integer code) {
    return new SessionStartException(
        Reason.EXITED,
        "Session process exited"
            + (code == null ? "" : " with code " + code)
            + " before it was ready");
  }
}
