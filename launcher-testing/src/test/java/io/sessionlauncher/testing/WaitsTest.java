package io.sessionlauncher.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitsTest {
  private static final Duration SHORT = Duration.ofMillis(200);

  @Test
  void returnsAsSoonAsTheConditionHolds() {
    AtomicInteger checks = new AtomicInteger();
    Waits.until("the third check", Duration.ofSeconds(10), () -> checks.incrementAndGet() == 3);
    assertEquals(3, checks.get(), "no check after the one that held");
  }

  @Test
  void aWaitThatRunsOutFailsNamingWhatItWaitedFor() {
    AssertionError failure =
        assertThrows(
            AssertionError.class, () -> Waits.until("the sky to fall", SHORT, () -> false));
    assertEquals("not within 200 ms: the sky to fall", failure.getMessage());
  }

  @Test
  void theDescriptionCanTellWhatThereWasInstead() {
    AtomicInteger checks = new AtomicInteger();
    AssertionError failure =
        assertThrows(
            AssertionError.class,
            () ->
                Waits.until(
                    () -> "ten checks, had " + checks.get(),
                    SHORT,
                    () -> checks.incrementAndGet() == -1));
    assertTrue(failure.getMessage().startsWith("not within 200 ms: ten checks, had "));
    assertFalse(failure.getMessage().endsWith("had 0"), failure.getMessage());
  }

  @Test
  void valueReturnsTheFirstValuePresent() {
    AtomicInteger checks = new AtomicInteger();
    int value =
        Waits.value(
            "a value",
            Duration.ofSeconds(10),
            () -> checks.incrementAndGet() < 4 ? Optional.empty() : Optional.of(checks.get()));
    assertEquals(4, value);
  }

  @Test
  void valueFailsNamingWhatItWaitedFor() {
    AssertionError failure =
        assertThrows(
            AssertionError.class, () -> Waits.value("nothing", SHORT, () -> Optional.empty()));
    assertEquals("not within 200 ms: nothing", failure.getMessage());
  }

  @Test
  void holdsWithinAnswersWithoutFailing() {
    assertTrue(Waits.holdsWithin(SHORT, () -> true));
    assertFalse(Waits.holdsWithin(SHORT, () -> false));
  }

  @Test
  void anExceptionOfTheConditionEndsTheWaitWithIt() {
    IOException failure =
        assertThrows(
            IOException.class,
            () ->
                Waits.until(
                    "never",
                    Duration.ofSeconds(10),
                    () -> {
                      throw new IOException("broken probe");
                    }));
    assertEquals("broken probe", failure.getMessage());
  }
}
