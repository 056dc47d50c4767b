package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.BenchApps;
import io.sessionlauncher.bench.BenchmarkException;
import io.sessionlauncher.bench.http.Launched;
import io.sessionlauncher.bench.http.LauncherClient;
import io.sessionlauncher.bench.report.Figures;
import io.sessionlauncher.bench.report.ResultRow;
import io.sessionlauncher.bench.report.Verdict;
import io.sessionlauncher.bench.server.ApacheTunnel;
import io.sessionlauncher.bench.server.HeapProbe;
import io.sessionlauncher.bench.stats.Samples;
import io.sessionlauncher.bench.ws.EchoConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's own WebSocket proxy beside a direct connection and Apache's {@code
 * mod_proxy_wstunnel}, to one demo session: 1 KiB text round trips (p50 / p99), 64 KiB binary
 * throughput on one connection, and many proxied connections open at once with the server's live
 * heap per connection. Apache's rows are left out, with a note, where it is not installed.
 */
public final class WebSocketProxy implements Measurement {
  private static final double TARGET_ADDED_P50_MARGIN_MS = 0.1;
  private static final double TARGET_THROUGHPUT_RATIO = 0.8;
  private static final double TARGET_HEAP_BYTES_PER_CONNECTION = 50_000;
  private static final int WARM_UP = 500;
  private static final int HEAP_WARM_UP = 10;
  private static final int ROUNDS = 20;
  private static final int BINARY_SIZE = 64 * 1024;
  private static final int BINARY_MESSAGES = 1000;
  private static final int BINARY_WINDOW = 4;
  private static final String KIB_TEXT = "x".repeat(1024);

  @Override
  public String name() {
    return "websocket proxy";
  }

  @Override
  public List<ResultRow> run(BenchContext context) throws Exception {
    List<ResultRow> rows = new ArrayList<>();
    HttpClient http = HttpClient.newHttpClient();
    try (LauncherClient client = context.client()) {
      Launched session = client.launch(BenchApps.DEMO);
      ApacheTunnel apache = null;
      try {
        Map<String, URI> routes = new LinkedHashMap<>();
        routes.put("direct", URI.create("ws://127.0.0.1:" + session.port() + "/ws"));
        routes.put("launcher", launcherUri(context, session));
        if (ApacheTunnel.available()) {
          int port = context.settings().apachePort();
          apache =
              ApacheTunnel.start(
                  Files.createTempDirectory("bench-apache-"),
                  port,
                  "ws://127.0.0.1:" + session.port() + "/ws");
          routes.put("Apache", URI.create("ws://127.0.0.1:" + port + "/ws"));
        } else {
          rows.add(
              ResultRow.info(
                  "WebSocket through Apache mod_proxy_wstunnel",
                  "not measured: /usr/sbin/apache2 with mod_proxy_wstunnel is not installed"));
        }
        rows.addAll(roundTrips(http, routes, context.settings().wsRoundTrips()));
        rows.addAll(throughput(http, routes));
      } finally {
        if (apache != null) {
          apache.close();
        }
        client.delete(session.id());
      }
      rows.add(concurrent(context, client, http));
    }
    return rows;
  }

  private static URI launcherUri(BenchContext context, Launched session) {
    return URI.create(
        "ws://" + context.settings().base().getRawAuthority() + "/session/" + session.id() + "/ws");
  }

  private static List<ResultRow> roundTrips(HttpClient http, Map<String, URI> routes, int count) {
    // The routes take turns, a slice each, so each sees the same machine (a shared one drifts).
    Map<String, Samples> samples = new LinkedHashMap<>();
    Map<String, EchoConnection> connections = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, URI> route : routes.entrySet()) {
        EchoConnection connection = EchoConnection.open(http, route.getValue());
        connections.put(route.getKey(), connection);
        samples.put(route.getKey(), new Samples());
        for (int i = 0; i < WARM_UP; i++) {
          var unused = connection.roundTrip(KIB_TEXT);
        }
      }
      int slice = Math.max(1, count / ROUNDS);
      for (int done = 0; done < count; done += slice) {
        for (Map.Entry<String, EchoConnection> route : connections.entrySet()) {
          Samples times = samples.get(route.getKey());
          for (int i = done; i < Math.min(count, done + slice); i++) {
            times.add(route.getValue().roundTrip(KIB_TEXT));
          }
        }
      }
    } finally {
      connections.values().forEach(EchoConnection::close);
    }
    List<ResultRow> rows = new ArrayList<>();
    for (Map.Entry<String, Samples> entry : samples.entrySet()) {
      Samples times = entry.getValue();
      rows.add(
          ResultRow.info(
              String.format(
                  Locale.ROOT,
                  "1 KiB WebSocket text round trip, %s, %,d after %d warm-up (routes taking turns),"
                      + " p50 / p99",
                  entry.getKey(),
                  count,
                  WARM_UP),
              Figures.ms(times.percentileMillis(50))
                  + " / "
                  + Figures.ms(times.percentileMillis(99))));
    }
    double direct = samples.get("direct").percentileMillis(50);
    double launcherAdded = samples.get("launcher").percentileMillis(50) - direct;
    if (samples.containsKey("Apache")) {
      double apacheAdded = samples.get("Apache").percentileMillis(50) - direct;
      rows.add(
          new ResultRow(
              "Added p50 of a 1 KiB round trip: launcher's proxy vs Apache mod_proxy_wstunnel",
              Figures.ms(launcherAdded) + " vs " + Figures.ms(apacheAdded),
              "launcher ≤ Apache + 0.1 ms",
              Verdict.of(launcherAdded <= apacheAdded + TARGET_ADDED_P50_MARGIN_MS)));
    } else {
      rows.add(
          ResultRow.info(
              "Added p50 of a 1 KiB round trip through the launcher's proxy",
              Figures.ms(launcherAdded)));
    }
    return rows;
  }

  private static List<ResultRow> throughput(HttpClient http, Map<String, URI> routes) {
    Map<String, Double> megabytes = new LinkedHashMap<>();
    for (Map.Entry<String, URI> route : routes.entrySet()) {
      try (EchoConnection connection = EchoConnection.open(http, route.getValue())) {
        var unused = connection.binaryEchoes(BINARY_MESSAGES / 10, BINARY_SIZE, BINARY_WINDOW);
        long nanos = connection.binaryEchoes(BINARY_MESSAGES, BINARY_SIZE, BINARY_WINDOW);
        megabytes.put(route.getKey(), (double) BINARY_MESSAGES * BINARY_SIZE / (nanos / 1e9) / 1e6);
      }
    }
    List<ResultRow> rows = new ArrayList<>();
    megabytes.forEach(
        (route, rate) ->
            rows.add(
                ResultRow.info(
                    String.format(
                        Locale.ROOT,
                        "64 KiB binary echoes on one connection, %s, %d in flight (MB/s each way)",
                        route,
                        BINARY_WINDOW),
                    String.format(Locale.ROOT, "%.1f MB/s", rate))));
    if (megabytes.containsKey("Apache")) {
      double ratio = megabytes.get("launcher") / megabytes.get("Apache");
      rows.add(
          new ResultRow(
              "64 KiB binary throughput: launcher's proxy / Apache mod_proxy_wstunnel",
              String.format(Locale.ROOT, "%.2f", ratio),
              "≥ 0.80",
              Verdict.of(ratio >= TARGET_THROUGHPUT_RATIO)));
    }
    return rows;
  }

  /** Until the launcher has closed the warm-up's connections too, so that they are not counted. */
  private static void awaitNoProxiedConnections(LauncherClient client, String id)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (client.proxiedConnections(id) > 0) {
      if (System.nanoTime() > deadline) {
        throw new BenchmarkException("the warm-up's proxied connections stayed open for 10 s");
      }
      Thread.sleep(20);
    }
  }

  /** Many proxied connections open at once, each echoing; the live heap they add. */
  private static ResultRow concurrent(BenchContext context, LauncherClient client, HttpClient http)
      throws InterruptedException {
    int count = context.settings().wsConnections();
    Launched session = client.launch(BenchApps.DEMO);
    List<EchoConnection> open = new ArrayList<>();
    try {
      URI uri = launcherUri(context, session);
      // What the first connections to a session set up once (classes, caches) is not theirs each.
      for (int i = 0; i < HEAP_WARM_UP; i++) {
        try (EchoConnection connection = EchoConnection.open(http, uri)) {
          var unused = connection.roundTrip(KIB_TEXT);
        }
      }
      awaitNoProxiedConnections(client, session.id());
      long before = HeapProbe.liveBytes(context.serverPid());
      int served = 0;
      for (int i = 0; i < count; i++) {
        open.add(EchoConnection.open(http, uri));
      }
      for (EchoConnection connection : open) {
        var unused = connection.roundTrip(KIB_TEXT);
        served++;
      }
      long after = HeapProbe.liveBytes(context.serverPid());
      double perConnection = (after - before) / (double) count;
      return new ResultRow(
          String.format(
              Locale.ROOT,
              "%d proxied WebSockets open at once, each echoing 1 KiB: served; server's live heap"
                  + " per connection",
              count),
          String.format(
              Locale.ROOT, "%d of %d served, %s", served, count, Figures.kib(perConnection / 1024)),
          "all; ≤ 50 KB",
          Verdict.of(served == count && perConnection <= TARGET_HEAP_BYTES_PER_CONNECTION));
    } finally {
      open.forEach(EchoConnection::close);
      client.delete(session.id());
    }
  }
}
