package io.sessionlauncher.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Bounded waits on a condition, through Awaitility: a test never sleeps for a fixed time and hopes,
 * and a wait that runs out fails the test saying what it waited for.
 *
 * <p>The condition is checked on the caller's thread, at once and then every 10 ms unless told
 * otherwise; a check that blocks is bounded by its own timeout, not by the wait's. An exception the
 * condition throws ends the wait with that exception; a condition that may fail while what it
 * checks is not there yet (a server not listening) catches that itself and answers {@code false}.
 */
public final class Waits {
  private static final Duration POLL = Duration.ofMillis(10);

  private Waits() {}

  /**
   * Returns as soon as {@code condition} holds; fails the test, naming {@code what}, when it still
   * does not after {@code limit}.
   */
  public static void until(String what, Duration limit, Callable<Boolean> condition) {
    until(() -> what, limit, condition);
  }

  /**
   * As {@link #until(String, Duration, Callable)}, with a description made when the wait runs out,
   * so that it can tell what there was instead.
   */
  public static void until(Supplier<String> what, Duration limit, Callable<Boolean> condition) {
    until(what, limit, POLL, condition);
  }

  /**
   * As {@link #until(String, Duration, Callable)}, checking every {@code poll}: for a condition
   * that costs something, such as a request to a server that is starting.
   */
  public static void until(
      String what, Duration limit, Duration poll, Callable<Boolean> condition) {
    until(() -> what, limit, poll, condition);
  }

  /**
   * As {@link #until(String, Duration, Duration, Callable)}, with a description made when the wait
   * runs out.
   */
  public static void until(
      Supplier<String> what, Duration limit, Duration poll, Callable<Boolean> condition) {
    try {
      conditions(limit).pollInterval(poll).until(condition);
    } catch (ConditionTimeoutException e) {
      throw runOut(what, limit, e);
    }
  }

  /**
   * The first value {@code probe} yields within {@code limit}; fails the test, naming {@code what},
   * otherwise.
   */
  public static <T> T value(String what, Duration limit, Callable<Optional<T>> probe) {
    return value(() -> what, limit, probe);
  }

  /** As {@link #value(String, Duration, Callable)}, with a description made when it runs out. */
  public static <T> T value(Supplier<String> what, Duration limit, Callable<Optional<T>> probe) {
    try {
      return conditions(limit).until(probe, Optional::isPresent).orElseThrow();
    } catch (ConditionTimeoutException e) {
      throw runOut(what, limit, e);
    }
  }

  /**
   * Whether {@code condition} comes true within {@code limit}, without failing the test: for
   * clean-up that goes on either way (waiting for processes to end before killing them).
   */
  public static boolean holdsWithin(Duration limit, Callable<Boolean> condition) {
    try {
      conditions(limit).until(condition);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  private static ConditionFactory conditions(Duration limit) {
    return org.awaitility.Awaitility.await()
        .atMost(limit)
        .pollDelay(Duration.ZERO)
        .pollInterval(POLL)
        // On the test's own thread, as a loop would: a condition may use what belongs to it
        // (a browser driver), and a wait that runs out leaves no check running behind it.
        .pollInSameThread()
        // The launcher's own threads may fail on purpose in a test; that is not this wait's end.
        .dontCatchUncaughtExceptions();
  }

  private static AssertionError runOut(
      Supplier<String> what, Duration limit, ConditionTimeoutException e) {
    return new AssertionError("not within " + limit.toMillis() + " ms: " + what.get(), e);
  }
}
