package io.sessionlauncher.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamplesTest {
  // Three significant digits: a figure is within 0.1 % of the sample it stands for.
  private static final double RESOLUTION = 0.001;

  @Test
  void percentilesAreNearestRankInMilliseconds() {
    Samples samples = new Samples();
    for (int i = 100; i >= 1; i--) {
      samples.add(i * 1_000_000L);
    }
    assertEquals(100, samples.count());
    assertEquals(50.0, samples.percentileMillis(50), 50 * RESOLUTION);
    assertEquals(95.0, samples.percentileMillis(95), 95 * RESOLUTION);
    assertEquals(99.0, samples.percentileMillis(99), 99 * RESOLUTION);
    assertEquals(100.0, samples.percentileMillis(100), 100 * RESOLUTION);
    assertEquals(100.0, samples.maxMillis(), 100 * RESOLUTION);
    assertEquals(50.5, samples.meanMillis(), 50.5 * RESOLUTION);
  }

  @Test
  void emptySamplesHaveNoFigures() {
    assertTrue(Double.isNaN(new Samples().percentileMillis(50)));
    assertTrue(Double.isNaN(new Samples().maxMillis()));
    assertTrue(Double.isNaN(new Samples().meanMillis()));
  }

  @Test
  void growsAndMerges() {
    Samples first = new Samples();
    Samples second = new Samples();
    for (int i = 0; i < 1000; i++) {
      first.add(1);
      second.add(3_600_000_000_000L);
    }
    first.addAll(second);
    assertEquals(2000, first.count());
    assertEquals(3_600_000.0, first.maxMillis(), 3_600_000 * RESOLUTION);
  }

  @Test
  void correctionForCoordinatedOmissionAddsTheRequestsAStallHeldBack() {
    Samples samples = new Samples();
    for (int i = 0; i < 99; i++) {
      samples.add(1_000_000L);
    }
    samples.add(100_000_000L);

    Samples corrected = samples.correctedFor(1_000_000L);

    // The 100 ms stall hid 99 requests a client sending every 1 ms would have made: they waited
    // 99, 98, ... 1 ms.
    assertEquals(199, corrected.count());
    assertEquals(1.0, samples.percentileMillis(99), RESOLUTION);
    assertEquals(99.0, corrected.percentileMillis(99), 99 * RESOLUTION);
    // Rank 100 is the last added request: 100 ms less 99 intervals, off by the 100 ms sample's
    // resolution (0.1 % of 100 ms).
    assertEquals(1.0, corrected.percentileMillis(50), 100 * RESOLUTION);
    assertEquals(100, samples.count());
    assertThrows(IllegalArgumentException.class, () -> samples.correctedFor(0));
  }
}
