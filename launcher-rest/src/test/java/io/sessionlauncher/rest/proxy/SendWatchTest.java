package io.sessionlauncher.rest.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendWatchTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final long SECOND = 1_000_000_000L;

  @AfterEach
  void clearInterrupt() {
    var unused = Thread.interrupted();
  }

  @Test
  void aSendPastTheLimitIsOverdueAndItsThreadInterruptedUntilItEnds() {
    SendWatch watch = new SendWatch();
    watch.begin(0, 0);
    assertFalse(watch.overdue(30 * SECOND, LIMIT));
    assertFalse(Thread.currentThread().isInterrupted());
    assertTrue(watch.overdue(30 * SECOND + 1, LIMIT));
    assertTrue(Thread.currentThread().isInterrupted());
    watch.end();
    assertFalse(Thread.currentThread().isInterrupted(), "the interrupt is cleared at the end");
    assertFalse(watch.overdue(60 * SECOND, LIMIT), "no send under way");
  }

  @Test
  void aLargePartIsAllowedASecondPer64KiB() {
    SendWatch watch = new SendWatch();
    watch.begin(0, 10 * SendWatch.SLOWEST_BYTES_PER_SECOND);
    assertFalse(watch.overdue(39 * SECOND, LIMIT));
    assertTrue(watch.overdue(41 * SECOND, LIMIT));
    watch.end();
  }

  @Test
  void anInterruptThatIsNotTheWatchsIsLeftAlone() {
    SendWatch watch = new SendWatch();
    watch.begin(0, 0);
    Thread.currentThread().interrupt();
    watch.end();
    assertTrue(Thread.currentThread().isInterrupted());
  }
}
