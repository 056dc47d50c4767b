package io.sessionlauncher.bench.stats;

import org.HdrHistogram.Histogram;

/**
 * Durations in nanoseconds and their percentiles, kept in an HdrHistogram with 3 significant digits
 * (so every figure is within 0.1 % of a sample that happened). Percentiles are nearest rank: p99 of
 * 200 samples is the second largest, not an interpolation between samples that never happened.
 * Thread-safe.
 */
public final class Samples {
  private static final int SIGNIFICANT_DIGITS = 3;
  private static final double NANOS_PER_MILLI = 1_000_000.0;

  private final Histogram histogram;

  public Samples() {
    this(new Histogram(SIGNIFICANT_DIGITS));
  }

  private Samples(Histogram histogram) {
    this.histogram = histogram;
  }

  public synchronized void add(long nanos) {
    histogram.recordValue(Math.max(0, nanos));
  }

  public void addAll(Samples other) {
    Histogram theirs = other.copy();
    synchronized (this) {
      histogram.add(theirs);
    }
  }

  public synchronized long count() {
    return histogram.getTotalCount();
  }

  /**
   * The same samples corrected for coordinated omission: a closed-loop client that waited {@code
   * expectedIntervalNanos} between requests would have sent more requests while a slow one was
   * outstanding, and each of those would have waited too. HdrHistogram adds them (its {@code
   * recordValueWithExpectedInterval}, applied after the fact), so the percentiles are those an
   * open-loop client at that interval would have seen.
   *
   * @param expectedIntervalNanos the interval between one client's requests, above 0
   */
  public Samples correctedFor(long expectedIntervalNanos) {
    if (expectedIntervalNanos <= 0) {
      throw new IllegalArgumentException("expected interval must be above 0");
    }
    return new Samples(copy().copyCorrectedForCoordinatedOmission(expectedIntervalNanos));
  }

  /**
   * @param percent 0 (exclusive) to 100 (inclusive)
   * @return the value in milliseconds, or NaN when there are no samples
   */
  public synchronized double percentileMillis(double percent) {
    if (histogram.getTotalCount() == 0) {
      return Double.NaN;
    }
    return histogram.getValueAtPercentile(percent) / NANOS_PER_MILLI;
  }

  public synchronized double meanMillis() {
    return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMean() / NANOS_PER_MILLI;
  }

  public synchronized double maxMillis() {
    return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / NANOS_PER_MILLI;
  }

  private synchronized Histogram copy() {
    return histogram.copy();
  }
}
