package io.sessionlauncher.engine.testing;

import io.sessionlauncher.testing.Waits;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Kept for the session and process tests while they are rewritten: hands over to {@link Waits},
 * which new tests use directly. A wait that runs out fails the test naming what it waited for.
 */
public final class Await {
  private Await() {}

  /** See {@link Waits#until(Supplier, Duration, java.util.concurrent.Callable)}. */
  public static void until(Duration limit, BooleanSupplier condition, Supplier<String> what) {
    Waits.until(what, limit, condition::getAsBoolean);
  }

  /** See {@link Waits#until(String, Duration, java.util.concurrent.Callable)}. */
  public static void until(Duration limit, BooleanSupplier condition, String what) {
    Waits.until(what, limit, condition::getAsBoolean);
  }

  /** See {@link Waits#value(Supplier, Duration, java.util.concurrent.Callable)}. */
  public static <T> T value(Duration limit, Supplier<Optional<T>> probe, Supplier<String> what) {
    return Waits.value(what, limit, probe::get);
  }

  /** See {@link Waits#holdsWithin(Duration, java.util.concurrent.Callable)}. */
  public static boolean holdsWithin(Duration limit, BooleanSupplier condition) {
    return Waits.holdsWithin(limit, condition::getAsBoolean);
  }
}
