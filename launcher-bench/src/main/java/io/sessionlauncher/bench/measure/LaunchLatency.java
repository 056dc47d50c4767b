package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.BenchApps;
import io.sessionlauncher.bench.report.Figures;
import io.sessionlauncher.bench.report.ResultRow;
import io.sessionlauncher.bench.report.Verdict;
import io.sessionlauncher.bench.server.ProcStatus;
import io.sessionlauncher.bench.stats.Samples;
import java.util.List;

/**
 * Sequential launches of the {@code instant} app, POST to answer, each beside a direct start of the
 * same command from Java: the difference of the two is what the launcher adds. The two kinds of
 * sample alternate, so both see the same machine.
 */
public final class LaunchLatency implements Measurement {
  private static final double OVERHEAD_P50_MS = 5;
  private static final double OVERHEAD_P99_MS = 20;

  @Override
  public String name() {
    return "launch latency";
  }

  @Override
  public List<ResultRow> run(BenchContext context) throws Exception {
    int launches = context.settings().launches();
    DirectStart direct = context.directStart(BenchApps.INSTANT);
    long cpuBefore = ProcStatus.cpuMillis(context.serverPid());
    SequentialLaunches samples =
        SequentialLaunches.run(
            context, launches, direct, client -> client.launch(BenchApps.INSTANT));
    Samples launch = samples.launch();
    Samples own = samples.direct();
    Samples delete = samples.delete();
    double cpuPerCycle =
        (double) (ProcStatus.cpuMillis(context.serverPid()) - cpuBefore) / launches;
    double p50 = launch.percentileMillis(50) - own.percentileMillis(50);
    double p99 = launch.percentileMillis(99) - own.percentileMillis(99);
    String n = "n=" + launches;
    return List.of(
        ResultRow.info(
            "Launch, POST→answer, `instant` app, " + n + " sequential (p50 / p95 / p99)",
            Figures.percentiles(launch)),
        ResultRow.info(
            "Same command spawned directly from Java, spawn→ready line, "
                + n
                + " (p50 / p95 / p99)",
            Figures.percentiles(own)),
        new ResultRow(
            "Launcher overhead p50 (launch p50 − direct p50)",
            Figures.ms(p50),
            "≤ " + Figures.ms(OVERHEAD_P50_MS),
            Verdict.of(p50 <= OVERHEAD_P50_MS)),
        new ResultRow(
            "Launcher overhead p99 (launch p99 − direct p99)",
            Figures.ms(p99),
            "≤ " + Figures.ms(OVERHEAD_P99_MS),
            Verdict.of(p99 <= OVERHEAD_P99_MS)),
        ResultRow.info(
            "DELETE, `instant` app, request→answer, " + n + " (p50 / p95 / p99)",
            Figures.percentiles(delete)),
        ResultRow.info(
            "Server CPU time per launch + DELETE (user + system, /proc)", Figures.ms(cpuPerCycle)));
  }
}
