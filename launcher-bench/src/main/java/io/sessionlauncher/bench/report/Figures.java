package io.sessionlauncher.bench.report;

import io.sessionlauncher.bench.stats.Samples;
import java.util.Locale;

/** How figures are written in the table: fixed decimals, units, and percentile triples. */
public final class Figures {
  private Figures() {}

  public static String ms(double millis) {
    if (Double.isNaN(millis)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.1f ms", millis);
  }

  /** {@code p50 / p95 / p99} in milliseconds. */
  public static String percentiles(Samples samples) {
    return String.format(
        Locale.ROOT,
        "%s / %s / %s",
        number(samples.percentileMillis(50)),
        number(samples.percentileMillis(95)),
        ms(samples.percentileMillis(99)));
  }

  /** {@code p50 / max} in milliseconds. */
  public static String medianAndMax(Samples samples) {
    return number(samples.percentileMillis(50)) + " / " + ms(samples.maxMillis());
  }

  public static String mib(double mib) {
    return String.format(Locale.ROOT, "%.1f MiB", mib);
  }

  public static String kib(double kib) {
    return String.format(Locale.ROOT, "%.1f KiB", kib);
  }

  public static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.1f s", seconds);
  }

  public static String count(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String number(double millis) {
    return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
  }
}
