package io.sessionlauncher.ear;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a Prometheus text exposition, by series: {@code name{label="value",...}} with the
 * labels sorted and the server's {@code mp_scope} left out, so a test names a series as it thinks
 * of it. Checking the format itself is promtool's job, not this class's.
 */
record PrometheusText(Map<String, Double> samples) {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})? (\\S+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  static PrometheusText parse(String text) {
    Map<String, Double> samples = new TreeMap<>();
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      labels.remove("mp_scope");
      samples.put(series(sample.group(1), labels), Double.parseDouble(sample.group(3)));
    }
    return new PrometheusText(samples);
  }

  /** The key of a series: {@code series("x", "b", "2", "a", "1")} is {@code x{a="1",b="2"}}. */
  static String series(String name, String... labelsAndValues) {
    Map<String, String> labels = new TreeMap<>();
    for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
      labels.put(labelsAndValues[i], labelsAndValues[i + 1]);
    }
    return series(name, labels);
  }

  private static String series(String name, Map<String, String> labels) {
    StringBuilder key = new StringBuilder(name).append('{');
    labels.forEach((label, value) -> key.append(label).append("=\"").append(value).append("\","));
    return key.append('}').toString();
  }

  /**
   * The {@code le} bounds of the start-duration histogram of {@code application} and {@code
   * outcome} in an exposition text, in their order there.
   */
  static List<String> startDurationBuckets(String text, String application, String outcome) {
    return text.lines()
        .filter(line -> line.startsWith("sessionlauncher_start_duration_seconds_bucket{"))
        .filter(
            line ->
                line.contains("application=\"" + application + "\"")
                    && line.contains("outcome=\"" + outcome + "\""))
        .map(line -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
        .toList();
  }

  /** The series' value, 0 when absent (a counter not yet incremented). */
  double value(String series) {
    return samples.getOrDefault(series, 0.0);
  }
}
