package io.sessionlauncher.bench.stats;

import java.util.Arrays;

/**
 * Durations in nanoseconds and their percentiles (nearest rank, so p99 of 200 samples is the second
 * largest, not an interpolation between samples that never happened). Thread-safe.
 */
public final class Samples {
  private static final double NANOS_PER_MILLI = 1_000_000.0;

  private long[] values = new long[256];
  private int size;

  public synchronized void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  public void addAll(Samples other) {
    for (long value : other.snapshot()) {
      add(value);
    }
  }

  public synchronized int count() {
    return size;
  }

  /**
   * @param percent 0 (exclusive) to 100 (inclusive)
   * @return the value in milliseconds, or NaN when there are no samples
   */
  public double percentileMillis(double percent) {
    long[] sorted = snapshot();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / NANOS_PER_MILLI;
  }

  public double meanMillis() {
    long[] all = snapshot();
    return all.length == 0 ? Double.NaN : Arrays.stream(all).average().orElse(0) / NANOS_PER_MILLI;
  }

  public double maxMillis() {
    long[] all = snapshot();
    return all.length == 0 ? Double.NaN : Arrays.stream(all).max().orElse(0) / NANOS_PER_MILLI;
  }

  private synchronized long[] snapshot() {
    return Arrays.copyOf(values, size);
  }
}
