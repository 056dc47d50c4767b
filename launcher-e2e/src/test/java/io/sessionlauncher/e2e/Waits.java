package io.sessionlauncher.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waiting: check a condition every 50 ms until it holds or the limit passes. */
final class Waits {
  private static final long POLL_NANOS = 50_000_000L;

  private Waits() {}

  /** Waits up to {@code limit} for {@code condition}; returns whether it held in time. */
  static boolean until(BooleanSupplier condition, Duration limit) {
    Instant end = Instant.now().plus(limit);
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (Instant.now().isAfter(end)) {
        return false;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }
}
