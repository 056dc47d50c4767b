package io.sessionlauncher.engine.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waits on a condition: a test never sleeps for a fixed time and hopes. */
public final class Await {
  private static final long POLL_MILLIS = 10;

  private Await() {}

  /**
   * Returns as soon as {@code condition} holds; fails the test with {@code what} when it still does
   * not after {@code limit}.
   */
  public static void until(Duration limit, BooleanSupplier condition, Supplier<String> what) {
    value(
        limit, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(), what);
  }

  /** As {@link #until(Duration, BooleanSupplier, Supplier)}, with a fixed description. */
  public static void until(Duration limit, BooleanSupplier condition, String what) {
    until(limit, condition, () -> what);
  }

  /** The first value {@code probe} yields within {@code limit}; fails the test otherwise. */
  public static <T> T value(Duration limit, Supplier<Optional<T>> probe, Supplier<String> what) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() - deadline > 0) {
        return fail("not within " + limit.toMillis() + " ms: " + what.get());
      }
      pause();
    }
  }

  /** Whether {@code condition} comes true within {@code limit}, without failing the test. */
  public static boolean holdsWithin(Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      pause();
    }
    return true;
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
