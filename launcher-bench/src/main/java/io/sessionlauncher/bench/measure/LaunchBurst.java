package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.http.Launched;
import io.sessionlauncher.bench.http.LauncherClient;
import io.sessionlauncher.bench.report.Figures;
import io.sessionlauncher.bench.report.ResultRow;
import io.sessionlauncher.bench.report.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Launches sent at the same moment, each from its own connection, judged by the rule: all
 * ready within twice one launch plus the processes' own start time, where the latter is measured by
 * spawning the same number of processes at once directly from Java.
 */
final class LaunchBurst {
  private LaunchBurst() {}

  /**
   * Sends {@code size} launches at once, then deletes what they started.
   *
   * @param launch one launch through the given client
   */
  static AtOnce.Outcome<Launched> launch(
      BenchContext context, int size, Function<LauncherClient, Launched> launch)
      throws InterruptedException {
    List<LauncherClient> clients = new ArrayList<>();
    List<Callable<Launched>> tasks = new ArrayList<>();
    AtOnce.Outcome<Launched> outcome;
    try {
      for (int i = 0; i < size; i++) {
        LauncherClient client = context.client();
        clients.add(client);
        // Open the connection now, so the burst measures launches, not TCP handshakes.
        client.get("00000000-0000-4000-8000-000000000000");
        tasks.add(() -> launch.apply(client));
      }
      outcome = AtOnce.run(tasks);
    } finally {
      clients.forEach(LauncherClient::close);
    }
    new Sessions(context, Math.min(size, context.settings().workers())).delete(outcome.results());
    return outcome;
  }

  /** Time until all of {@code size} processes spawned at once print their ready line. */
  static double directMillis(DirectStart direct, int size) throws InterruptedException {
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

  /**
   * The row of a burst.
   *
   * @param oneLaunch one launch of the same app alone (p50), in milliseconds
   * @param ownMillis the same number of direct spawns at once, in milliseconds
   */
  static ResultRow row(
      String measurement,
      AtOnce.Outcome<Launched> outcome,
      int size,
      double oneLaunch,
      double ownMillis) {
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
    return new ResultRow(measurement, figure, targetText, Verdict.of(met));
  }
}
