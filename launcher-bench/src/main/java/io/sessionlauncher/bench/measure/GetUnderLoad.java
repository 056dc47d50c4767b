package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.BenchApps;
import io.sessionlauncher.bench.http.KeepAliveLoad;
import io.sessionlauncher.bench.http.Launched;
import io.sessionlauncher.bench.http.LauncherClient;
import io.sessionlauncher.bench.http.LoadResult;
import io.sessionlauncher.bench.report.Figures;
import io.sessionlauncher.bench.report.ResultRow;
import io.sessionlauncher.bench.report.Verdict;
import io.sessionlauncher.bench.server.ProcStatus;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GET of one live session by N connections at once, each a thread sending requests back to back.
 * The load generator runs on the same two cores as the server, as the Python launcher's figure was
 * taken; it is kept cheap for that reason. Latencies are given as measured and corrected for
 * coordinated omission (see {@link KeepAliveLoad}).
 */
public final class GetUnderLoad implements Measurement {
  private static final int TARGET_CONNECTIONS = 16;
  private static final double TARGET_PER_SECOND = 10_000;

  @Override
  public String name() {
    return "GET under load";
  }

  @Override
  public List<ResultRow> run(BenchContext context) {
    List<ResultRow> rows = new ArrayList<>();
    try (LauncherClient client = context.client()) {
      Launched session = client.launch(BenchApps.INSTANT);
      try {
        InetSocketAddress address =
            new InetSocketAddress(
                context.settings().base().getHost(), context.settings().base().getPort());
        KeepAliveLoad load =
            new KeepAliveLoad(address, "/" + context.settings().endpoint() + "/" + session.id());
        for (int connections : context.settings().connections()) {
          long cpuBefore = ProcStatus.cpuMillis(context.serverPid());
          LoadResult result =
              load.run(
                  connections, context.settings().loadWarmup(), context.settings().loadDuration());
          long cpu = ProcStatus.cpuMillis(context.serverPid()) - cpuBefore;
          rows.add(row(result, context, cpu));
        }
      } finally {
        client.delete(session.id());
      }
    }
    return rows;
  }

  private static ResultRow row(LoadResult result, BenchContext context, long cpuMillis) {
    String measurement =
        String.format(
            Locale.ROOT,
            "GET one session, %d keep-alive connections, %d s after %d s warm-up",
            result.connections(),
            context.settings().loadDuration().toSeconds(),
            context.settings().loadWarmup().toSeconds());
    // The CPU reading spans the warm-up too; requests then are estimated at the measured rate.
    double seconds =
        (context.settings().loadWarmup().toMillis() + context.settings().loadDuration().toMillis())
            / 1000.0;
    double cpuPerRequestMicros = cpuMillis * 1000.0 / Math.max(1, result.perSecond() * seconds);
    String figure =
        String.format(
            Locale.ROOT,
            "%s req/s; raw p50 %s, p99 %s; corrected for coordinated omission p50 %s, p99 %s;"
                + " %d failed; server CPU ≈ %.0f µs per request",
            Figures.count(result.perSecond()),
            Figures.ms(result.latencies().percentileMillis(50)),
            Figures.ms(result.latencies().percentileMillis(99)),
            Figures.ms(result.corrected().percentileMillis(50)),
            Figures.ms(result.corrected().percentileMillis(99)),
            result.failures(),
            cpuPerRequestMicros);
    if (result.connections() != TARGET_CONNECTIONS) {
      return ResultRow.info(measurement, figure);
    }
    boolean met = result.perSecond() >= TARGET_PER_SECOND && result.failures() == 0;
    return new ResultRow(
        measurement, figure, "≥ " + Figures.count(TARGET_PER_SECOND) + " req/s", Verdict.of(met));
  }
}
