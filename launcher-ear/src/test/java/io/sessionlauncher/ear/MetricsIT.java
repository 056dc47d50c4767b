package io.sessionlauncher.ear;

import static io.sessionlauncher.ear.PrometheusText.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import io.sessionlauncher.testing.WebSocketClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prometheus metrics at {@code /metrics} in Liberty: readable without credentials on the anonymous
 * default, valid for {@code promtool check metrics}, and counting what the launcher did: a ready
 * start and its duration in the configured buckets, a stop, a start whose program exits before it
 * is ready, a refused request, live sessions and free resources.
 */
class MetricsIT {
  private static final String DEMO = "demo";

  /** The start-duration buckets of the web module's microprofile-config.properties. */
  static final List<String> CONFIGURED_BUCKETS =
      List.of(
          "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "30.0", "60.0", "120.0",
          "300.0", "+Inf");

  private final Http client = new Http(LibertyServer.base());

  @Test
  void theLaunchersMetricsPassPromtoolsChecks() throws Exception {
    Http.Answer application = client.get("metrics?scope=application");
    assertEquals(200, application.status(), "no credentials needed: " + application.body());
    assertTrue(
        application.contentType().startsWith("text/plain"),
        "text format: " + application.contentType());
    // The launcher's own metrics: valid and free of lint problems.
    Promtool.Check own = Promtool.checkMetrics(application.body());
    assertEquals(0, own.exitCode(), own.output());
    // Everything the server exposes parses too; the server's own names (camelCase, a gauge ending
    // in _count) are lint problems, exit code 3, which are not the launcher's to fix.
    Promtool.Check all = Promtool.checkMetrics(client.get("metrics").body());
    assertTrue(all.exitCode() == 0 || all.exitCode() == 3, all.output());
  }

  @Test
  void launchesStopsFailuresAndRefusalsAreCounted() throws Exception {
    PrometheusText before = scrape();

    Http.Answer created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    PrometheusText live = scrape();
    assertEquals(
        before.value(series("sessionlauncher_sessions", "application", DEMO, "state", "ready")) + 1,
        live.value(series("sessionlauncher_sessions", "application", DEMO, "state", "ready")));
    String free = series("sessionlauncher_resources_free", "host", "127.0.0.1");
    assertEquals(before.value(free) - 1, live.value(free));
    assertEquals(
        100, live.value(series("sessionlauncher_resources_capacity", "host", "127.0.0.1")));
    assertEquals(200, client.delete("paraview/" + id).status());

    assertEquals(400, client.post("paraview/", "{\"application\": \"nope\"}").status());

    Path jar = LibertyServer.serverDir().resolve("demo/demo-session.jar");
    Path aside = jar.resolveSibling("demo-session.jar.aside");
    Files.move(jar, aside);
    try {
      Http.Answer failed = client.post("paraview/", "{\"application\": \"demo\"}");
      assertEquals(503, failed.status(), "java exits: no jar; " + failed.body());
    } finally {
      Files.move(aside, jar);
    }

    String ready =
        series(
            "sessionlauncher_start_duration_seconds_count",
            "application",
            DEMO,
            "outcome",
            "ready");
    String failedStarts =
        series(
            "sessionlauncher_start_duration_seconds_count",
            "application",
            DEMO,
            "outcome",
            "failed");
    String stopped =
        series("sessionlauncher_session_ends_total", "application", DEMO, "cause", "stopped");
    String exited =
        series(
            "sessionlauncher_start_failures_total",
            "application",
            DEMO,
            "reason",
            "exited_before_ready");
    String refused = series("sessionlauncher_refused_requests_total", "reason", "invalid_request");
    // The end of the failed start is counted as it completes; the answer may be a moment ahead.
    Waits.until(
        "the failed start counted",
        Duration.ofSeconds(10),
        () -> scrape().value(exited) == before.value(exited) + 1);
    PrometheusText after = scrape();
    assertEquals(before.value(ready) + 1, after.value(ready));
    assertEquals(before.value(failedStarts) + 1, after.value(failedStarts));
    assertEquals(before.value(stopped) + 1, after.value(stopped));
    assertEquals(before.value(refused) + 1, after.value(refused));
    assertEquals(before.value(free), after.value(free), "the port is free again");
  }

  @Test
  void proxiedConnectionsAndBytesAreCounted() throws Exception {
    Http.Answer created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    String connections = series("sessionlauncher_proxied_connections");
    String toSession = series("sessionlauncher_proxied_bytes_total", "direction", "to_session");
    String toClient = series("sessionlauncher_proxied_bytes_total", "direction", "to_client");
    PrometheusText before = scrape();
    String base = LibertyServer.base().getRawAuthority();
    try (WebSocketClient.Connection open =
        new WebSocketClient().connect(URI.create("ws://" + base + "/session/" + id + "/ws"))) {
      open.sendBinary(new byte[1000]);
      assertTrue(open.nextMessage(Duration.ofSeconds(10)) instanceof byte[]);
      PrometheusText during = scrape();
      assertEquals(before.value(connections) + 1, during.value(connections));
      assertEquals(before.value(toSession) + 1000, during.value(toSession));
      assertEquals(before.value(toClient) + 1000, during.value(toClient));
    } finally {
      assertEquals(200, client.delete("paraview/" + id).status());
    }
    Waits.until(
        "the connection no longer counted",
        Duration.ofSeconds(10),
        () -> scrape().value(connections) == before.value(connections));
  }

  @Test
  void startDurationsHaveTheConfiguredBuckets() {
    String text = client.get("metrics?scope=application").body();
    List<String> buckets = PrometheusText.startDurationBuckets(text, DEMO, "ready");
    assertEquals(CONFIGURED_BUCKETS, buckets);
    assertTrue(text.contains("# TYPE sessionlauncher_start_duration_seconds histogram"), text);
    assertTrue(
        text.lines()
            .noneMatch(line -> line.startsWith("sessionlauncher_") && line.contains("quantile=")),
        "no client-side percentiles");
  }

  @Test
  void perRequestServerMetricsAreOffByDefaultAndTheServersOthersStay() {
    client.get("paraview/");
    String text = client.get("metrics").body();
    assertTrue(
        text.lines().noneMatch(line -> line.startsWith("http_server_request_duration_seconds")),
        "the HTTP component is filtered out");
    assertTrue(
        text.lines().noneMatch(line -> line.startsWith("REST_request")),
        "the REST component is filtered out");
    assertTrue(text.contains("\nthreadpool_activeThreads{"), "the thread pool's stay");
    assertTrue(text.contains("\nmemory_usedHeap_bytes"), "the JVM's base metrics stay");
  }

  private PrometheusText scrape() {
    Http.Answer answer = client.get("metrics?scope=application");
    assertEquals(200, answer.status(), answer.body());
    return PrometheusText.parse(answer.body());
  }
}
