package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.BenchApps;
import io.sessionlauncher.bench.http.Launched;
import io.sessionlauncher.bench.http.LauncherClient;
import io.sessionlauncher.bench.report.Figures;
import io.sessionlauncher.bench.report.ResultRow;
import io.sessionlauncher.bench.report.Verdict;
import io.sessionlauncher.bench.stats.Samples;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Bursts of launches sent at the same moment, each from its own connection. The target is the
 * issue's: all ready within twice one launch plus the processes' own start time, where the latter
 * is measured by spawning the same number of processes at once directly from Java.
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
    for (int size : context.settings().concurrent()) {
      rows.add(burst(context, size, oneLaunch));
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

  private static ResultRow burst(BenchContext context, int size, double oneLaunch)
      throws Exception {
    double ownMillis = directBurstMillis(context, size);
    List<LauncherClient> clients = new ArrayList<>();
    List<Callable<Launched>> tasks = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      LauncherClient client = context.client();
      // Open the connection now, so the burst measures launches, not TCP handshakes.
      client.get("00000000-0000-4000-8000-000000000000");
      clients.add(client);
      tasks.add(() -> client.launch(BenchApps.INSTANT));
    }
    AtOnce.Outcome<Launched> outcome;
    try {
      outcome = AtOnce.run(tasks);
    } finally {
      clients.forEach(LauncherClient::close);
    }
    new Sessions(context, Math.min(size, context.settings().workers())).delete(outcome.results());
    int ok = outcome.results().size();
    int ports = new HashSet<>(outcome.results().stream().map(Launched::port).toList()).size();
    double allReady = outcome.nanos() / 1e6;
    double target = 2 * oneLaunch + ownMillis;
    String figure =
        String.format(
            Locale.ROOT,
            "%s; %d/%d succeeded, %d distinct ports%s",
            Figures.ms(allReady),
            ok,
            size,
            ports,
            outcome.failures().isEmpty()
                ? ""
                : "; first error: " + outcome.failures().get(0).getMessage());
    String targetText =
        String.format(
            Locale.ROOT,
            "≤ 2 × one launch (%s) + %d direct spawns at once (%s) = %s",
            Figures.ms(oneLaunch),
            size,
            Figures.ms(ownMillis),
            Figures.ms(target));
    boolean met = ok == size && ports == size && allReady <= target;
    return new ResultRow(
        size + " POSTs at the same moment, `instant` app: all answered ready after",
        figure,
        targetText,
        Verdict.of(met));
  }

  /** Time until all of {@code size} processes spawned at once print their ready line. */
  private static double directBurstMillis(BenchContext context, int size) throws Exception {
    DirectStart direct = context.directStart(BenchApps.INSTANT);
    List<Callable<DirectStart.Started>> tasks = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      tasks.add(direct::start);
    }
    AtOnce.Outcome<DirectStart.Started> outcome = AtOnce.run(tasks);
    for (DirectStart.Started started : outcome.results()) {
      started.close();
    }
    if (!outcome.failures().isEmpty()) {
      throw new IllegalStateException(
          "direct start failed: " + outcome.failures().get(0).getMessage(),
          outcome.failures().get(0));
    }
    return outcome.nanos() / 1e6;
  }
}
