package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.BenchApps;
import io.sessionlauncher.bench.http.Launched;
import io.sessionlauncher.bench.report.Figures;
import io.sessionlauncher.bench.report.ResultRow;
import io.sessionlauncher.bench.stats.Samples;
import java.util.List;
import java.util.Map;

/**
 * The launches that were measured from outside the benchmark, reproduced: the {@code sanitized} app
 * of a configuration in the Python launcher's own test style ({@code sessionData}, {@code fields},
 * {@code inList} and {@code regexp} sanitize rules), asked for with wslink's test request, whose
 * {@code cmd} and {@code cmd2} reach a script that prints its ready line 2.5 ms after it starts.
 * Sequential launches alternate with direct starts of the same expanded command, as in {@link
 * LaunchLatency}; then a burst of launches at the same moment is judged like {@link
 * ConcurrentLaunches}, with this app's own sequential median as one launch.
 */
public final class SanitizedLaunches implements Measurement {
  private static final Map<String, String> REQUEST = BenchApps.SANITIZED_REQUEST;

  @Override
  public String name() {
    return "launches of the sanitized (wslink test) app";
  }

  @Override
  public List<ResultRow> run(BenchContext context) throws Exception {
    int launches = context.settings().launches();
    DirectStart direct = context.directStart(BenchApps.SANITIZED, REQUEST);
    SequentialLaunches samples =
        SequentialLaunches.run(
            context, launches, direct, client -> client.launch(BenchApps.SANITIZED, REQUEST));
    Samples launch = samples.launch();
    Samples own = samples.direct();
    int size = context.settings().sanitizedAtOnce();
    double ownMillis = LaunchBurst.directMillis(direct, size);
    AtOnce.Outcome<Launched> outcome =
        LaunchBurst.launch(context, size, client -> client.launch(BenchApps.SANITIZED, REQUEST));
    String app =
        "`sanitized` app (wslink test style: sanitize, sessionData, fields; ready 2.5 ms after"
            + " start)";
    String n = "n=" + launches;
    return List.of(
        ResultRow.info(
            "Launch, POST→answer, " + app + ", " + n + " sequential (p50 / p95 / p99)",
            Figures.percentiles(launch)),
        ResultRow.info(
            "Same command spawned directly from Java, spawn→ready line, "
                + n
                + " (p50 / p95 / p99)",
            Figures.percentiles(own)),
        ResultRow.info(
            "Launcher overhead, `sanitized` app (launch − direct, p50 / p99)",
            Figures.ms(launch.percentileMillis(50) - own.percentileMillis(50))
                + " / "
                + Figures.ms(launch.percentileMillis(99) - own.percentileMillis(99))),
        LaunchBurst.row(
            size + " POSTs at the same moment, `sanitized` app: all answered ready after",
            outcome,
            size,
            launch.percentileMillis(50),
            ownMillis));
  }
}
