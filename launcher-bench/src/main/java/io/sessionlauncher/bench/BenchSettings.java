package io.sessionlauncher.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run and how much of it, from {@code --name=value} arguments. The defaults are the issue's
 * sizes, chosen so the whole run stays under ten minutes on two cores.
 *
 * @param wlp the Liberty installation holding the bench server
 * @param serverName the bench server's name
 * @param base the server's HTTP root
 * @param endpoint the launcher's endpoint
 * @param output where the Markdown table is written
 * @param launches sequential launches for the latency figures
 * @param concurrent sizes of the at-once launch bursts
 * @param sanitizedAtOnce size of the at-once burst of the {@code sanitized} app
 * @param connections connection counts of the GET load runs
 * @param loadWarmup warm-up of each load run
 * @param loadDuration measured length of each load run
 * @param demoDeletes DELETEs of demo sessions (a JVM each) for the DELETE figures
 * @param wrappedDeletes DELETEs of wrapped sessions (a process tree each)
 * @param liveSessions the live-session counts of the memory figures, ascending
 * @param fillBudget the most time creating the memory test's sessions may take
 * @param cycles create/delete cycles of the leak check
 * @param workers clients creating or deleting many sessions in parallel
 * @param fdMargin descriptors the server may hold above its starting count after the cycles
 * @param jmh whether to run the JMH benchmarks
 * @param apachePort the loopback port of the Apache httpd the WebSocket proxy is compared with
 * @param wsRoundTrips measured 1 KiB WebSocket round trips per route
 * @param wsConnections proxied WebSockets open at once for the heap figure
 * @param only names of the measurements to run (all when empty), e.g. {@code websocket proxy}
 */
public record BenchSettings(
    Path wlp,
    String serverName,
    URI base,
    String endpoint,
    Path output,
    int launches,
    List<Integer> concurrent,
    int sanitizedAtOnce,
    List<Integer> connections,
    Duration loadWarmup,
    Duration loadDuration,
    int demoDeletes,
    int wrappedDeletes,
    List<Integer> liveSessions,
    Duration fillBudget,
    int cycles,
    int workers,
    int fdMargin,
    boolean jmh,
    int apachePort,
    int wsRoundTrips,
    int wsConnections,
    List<String> only) {

  /** Reads {@code --name=value} arguments; every one has a default except {@code --wlp}. */
  public static BenchSettings parse(String... args) {
    Map<String, String> values = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --name=value, found " + arg);
      }
      int equals = arg.indexOf('=');
      values.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    String wlp = values.remove("wlp");
    if (wlp == null) {
      throw new IllegalArgumentException("--wlp=<Liberty installation> is required");
    }
    BenchSettings settings =
        new BenchSettings(
            Path.of(wlp),
            take(values, "server", "benchServer"),
            URI.create(take(values, "base", "http://127.0.0.1:9280/")),
            take(values, "endpoint", "paraview"),
            Path.of(take(values, "output", "target/bench-results.md")),
            Integer.parseInt(take(values, "launches", "250")),
            ints(take(values, "concurrent", "10,100")),
            Integer.parseInt(take(values, "sanitized-at-once", "20")),
            ints(take(values, "connections", "16,64")),
            Duration.ofSeconds(Long.parseLong(take(values, "load-warmup-seconds", "3"))),
            Duration.ofSeconds(Long.parseLong(take(values, "load-seconds", "10"))),
            Integer.parseInt(take(values, "demo-deletes", "15")),
            Integer.parseInt(take(values, "wrapped-deletes", "5")),
            ints(take(values, "live-sessions", "100,1000")),
            Duration.ofSeconds(Long.parseLong(take(values, "fill-seconds", "120"))),
            Integer.parseInt(take(values, "cycles", "1000")),
            Integer.parseInt(take(values, "workers", "8")),
            Integer.parseInt(take(values, "fd-margin", "16")),
            Boolean.parseBoolean(take(values, "jmh", "true")),
            Integer.parseInt(take(values, "apache-port", "9282")),
            Integer.parseInt(take(values, "ws-round-trips", "5000")),
            Integer.parseInt(take(values, "ws-connections", "200")),
            names(take(values, "only", "")));
    if (!values.isEmpty()) {
      throw new IllegalArgumentException("unknown arguments: " + values.keySet());
    }
    return settings;
  }

  private static String take(Map<String, String> values, String name, String fallback) {
    String value = values.remove(name);
    return value == null ? fallback : value;
  }

  private static List<String> names(String text) {
    return Arrays.stream(text.split(","))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .toList();
  }

  /** Whether the measurement of that name is to run. */
  public boolean runs(String measurement) {
    return only.isEmpty() || only.contains(measurement);
  }

  private static List<Integer> ints(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }
}
