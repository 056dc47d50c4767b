package io.sessionlauncher.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamplesTest {

  @Test
  void percentilesAreNearestRankInMilliseconds() {
    Samples samples = new Samples();
    for (int i = 100; i >= 1; i--) {
      samples.add(i * 1_000_000L);
    }
    assertEquals(100, samples.count());
    assertEquals(50.0, samples.percentileMillis(50));
    assertEquals(95.0, samples.percentileMillis(95));
    assertEquals(99.0, samples.percentileMillis(99));
    assertEquals(100.0, samples.percentileMillis(100));
    assertEquals(100.0, samples.maxMillis());
    assertEquals(50.5, samples.meanMillis());
  }

  @Test
  void emptySamplesHaveNoFigures() {
    assertTrue(Double.isNaN(new Samples().percentileMillis(50)));
  }

  @Test
  void growsAndMerges() {
    Samples first = new Samples();
    Samples second = new Samples();
    for (int i = 0; i < 1000; i++) {
      first.add(1);
      second.add(2);
    }
    first.addAll(second);
    assertEquals(2000, first.count());
  }
}
