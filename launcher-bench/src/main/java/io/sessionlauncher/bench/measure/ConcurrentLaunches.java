package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.BenchApps;
import io.sessionlauncher.bench.http.Launched;
import io.sessionlauncher.bench.http.LauncherClient;
import io.sessionlauncher.bench.report.ResultRow;
import io.sessionlauncher.bench.stats.Samples;
import java.util.ArrayList;
import java.util.List;

/**
 * Bursts of launches of the {@code instant} app sent at the same moment, each from its own
 * connection, against the target (see {@link LaunchBurst}); one launch is the median of a
 * few sequential ones made just before.
 */
public final class ConcurrentLaunches implements Measurement {
  private static final int REFERENCE_LAUNCHES = 20;

  @Override
  public String name() {
    return "concurrent launches";
  }

  @Override
  public List<ResultRow> run(BenchContext context) throws Exception {
    double oneLaunch = oneLaunchMillis(context);
    List<ResultRow> rows = new ArrayList<>();
    DirectStart direct = context.directStart(BenchApps.INSTANT);
    for (int size : context.settings().concurrent()) {
      double ownMillis = LaunchBurst.directMillis(direct, size);
      AtOnce.Outcome<Launched> outcome =
          LaunchBurst.launch(context, size, client -> client.launch(BenchApps.INSTANT));
      rows.add(
          LaunchBurst.row(
              size + " POSTs at the same moment, `instant` app: all answered ready after",
              outcome,
              size,
              oneLaunch,
              ownMillis));
    }
    return rows;
  }

  private static double oneLaunchMillis(BenchContext context) {
    Samples single = new Samples();
    try (LauncherClient client = context.client()) {
      for (int i = 0; i < REFERENCE_LAUNCHES; i++) {
        long begin = System.nanoTime();
        Launched session = client.launch(BenchApps.INSTANT);
        single.add(System.nanoTime() - begin);
        client.delete(session.id());
      }
    }
    return single.percentileMillis(50);
  }
}
