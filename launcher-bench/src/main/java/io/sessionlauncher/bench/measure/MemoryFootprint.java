package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.BenchApps;
import io.sessionlauncher.bench.http.Launched;
import io.sessionlauncher.bench.http.LauncherClient;
import io.sessionlauncher.bench.report.Figures;
import io.sessionlauncher.bench.report.ResultRow;
import io.sessionlauncher.bench.report.Verdict;
import io.sessionlauncher.bench.server.HeapProbe;
import io.sessionlauncher.bench.server.ProcStatus;
import io.sessionlauncher.bench.stats.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The server's footprint with 0 and then more live {@code sleeper} sessions: resident memory,
 * threads and descriptors from {@code /proc}, reachable heap from a class histogram. The same
 * sequential launches of the {@code instant} app, from the same client, are timed right before the
 * sessions are created and again once they are all live, to show what a thousand live sessions cost
 * a new one.
 */
public final class MemoryFootprint implements Measurement {
  private static final double TARGET_HEAP_BYTES_PER_SESSION = 20_000;
  private static final double TARGET_THREADS_PER_SESSION = 1;
  private static final double TARGET_LAUNCH_RATIO = 1.25;
  private static final int SPOT_LAUNCHES = 50;

  @Override
  public String name() {
    return "memory";
  }

  /** One reading of the server. */
  private record Reading(int sessions, ProcStatus status, long heapBytes) {

    /**
     * The histogram's full collection comes first, so every resident size is read in the same
     * state: right after a full GC, which may also shrink the heap.
     */
    static Reading of(int sessions, long pid) {
      long heap = HeapProbe.liveBytes(pid);
      return new Reading(sessions, ProcStatus.of(pid), heap);
    }
  }

  @Override
  public List<ResultRow> run(BenchContext context) throws Exception {
    long pid = context.serverPid();
    Sessions sessions = new Sessions(context, context.settings().workers());
    long deadline = System.nanoTime() + context.settings().fillBudget().toNanos();
    List<Reading> readings = new ArrayList<>();
    List<Launched> live = new ArrayList<>();
    List<ResultRow> rows = new ArrayList<>();
    // One client for both spot checks, so the two sets of launches differ only in what is live.
    try (LauncherClient spotClient = context.client()) {
      readings.add(Reading.of(0, pid));
      Samples idle = spotLaunches(spotClient);
      double seconds = 0;
      int failed = 0;
      int wanted = 0;
      for (int level : context.settings().liveSessions()) {
        wanted = level;
        Sessions.Fill fill = sessions.fill(BenchApps.SLEEPER, level - live.size(), deadline);
        live.addAll(fill.created());
        seconds += fill.seconds();
        failed += fill.failures().size();
        readings.add(Reading.of(live.size(), pid));
        if (live.size() < level) {
          break;
        }
      }
      rows.add(fillRow(context, live.size(), wanted, failed, seconds));
      Samples busy = spotLaunches(spotClient);
      rows.add(spotRow(idle, 0));
      rows.add(spotRow(busy, live.size()));
      rows.add(ratioRow(idle, busy, live.size()));
    } finally {
      long begin = System.nanoTime();
      sessions.delete(live);
      double deleteSeconds = (System.nanoTime() - begin) / 1e9;
      if (!live.isEmpty()) {
        rows.add(
            ResultRow.info(
                String.format(
                    Locale.ROOT,
                    "Delete %,d `sleeper` sessions with %d parallel clients",
                    live.size(),
                    context.settings().workers()),
                String.format(
                    Locale.ROOT,
                    "%s (%s sessions/s)",
                    Figures.seconds(deleteSeconds),
                    Figures.count(live.size() / deleteSeconds))));
      }
    }
    rows.addAll(0, footprintRows(readings));
    return rows;
  }

  /** How the sessions were created; missing the wanted count within the budget is a shortfall. */
  private static ResultRow fillRow(
      BenchContext context, int reached, int wanted, int failed, double seconds) {
    String measurement =
        String.format(
            Locale.ROOT,
            "Create %,d live `sleeper` sessions, %d parallel clients, within %d s",
            wanted,
            context.settings().workers(),
            context.settings().fillBudget().toSeconds());
    String figure =
        String.format(
            Locale.ROOT,
            "%,d created in %s (%s sessions/s), %d launches failed",
            reached,
            Figures.seconds(seconds),
            Figures.count(reached / Math.max(seconds, 1e-9)),
            failed);
    return new ResultRow(
        measurement,
        figure,
        String.format(Locale.ROOT, "%,d", wanted),
        Verdict.of(reached >= wanted));
  }

  /** Sequential launches of the {@code instant} app, each deleted before the next. */
  private static Samples spotLaunches(LauncherClient client) {
    Samples launch = new Samples();
    for (int i = 0; i < SPOT_LAUNCHES; i++) {
      long begin = System.nanoTime();
      Launched session = client.launch(BenchApps.INSTANT);
      launch.add(System.nanoTime() - begin);
      client.delete(session.id());
    }
    return launch;
  }

  private static ResultRow spotRow(Samples launch, int liveCount) {
    return ResultRow.info(
        String.format(
            Locale.ROOT,
            "Launch, POST→answer, `instant` app, one client, with %,d live sessions, n=%d"
                + " (p50 / p95 / p99)",
            liveCount,
            SPOT_LAUNCHES),
        Figures.percentiles(launch));
  }

  /** How much a launch slows down when many sessions are live: the two spot checks' p50s. */
  private static ResultRow ratioRow(Samples idle, Samples busy, int liveCount) {
    double ratio = busy.percentileMillis(50) / idle.percentileMillis(50);
    return new ResultRow(
        String.format(
            Locale.ROOT,
            "Launch p50 with %,d live sessions ÷ launch p50 with none (the two rows above)",
            liveCount),
        String.format(
            Locale.ROOT,
            "%s ÷ %s = %.2f",
            Figures.ms(busy.percentileMillis(50)),
            Figures.ms(idle.percentileMillis(50)),
            ratio),
        String.format(Locale.ROOT, "≤ %.2f", TARGET_LAUNCH_RATIO),
        Verdict.of(liveCount > 0 && ratio <= TARGET_LAUNCH_RATIO));
  }

  private static List<ResultRow> footprintRows(List<Reading> readings) {
    String levels =
        readings.stream()
            .map(r -> String.format(Locale.ROOT, "%,d", r.sessions()))
            .collect(Collectors.joining(" / "));
    String suffix = " with " + levels + " live `sleeper` sessions";
    List<ResultRow> rows = new ArrayList<>();
    rows.add(
        ResultRow.info(
            "Server resident memory (VmRSS)" + suffix,
            join(readings, r -> Figures.mib(r.status().rssMib()))));
    rows.add(
        ResultRow.info(
            "Server reachable heap (class histogram after full GC)" + suffix,
            join(readings, r -> Figures.mib(r.heapBytes() / 1024.0 / 1024.0))));
    rows.add(
        ResultRow.info(
            "Server threads" + suffix,
            join(readings, r -> Integer.toString(r.status().threads()))));
    rows.add(
        ResultRow.info(
            "Server open file descriptors" + suffix,
            join(readings, r -> Integer.toString(r.status().openFiles()))));
    Reading first = readings.get(0);
    Reading last = readings.get(readings.size() - 1);
    int added = last.sessions() - first.sessions();
    if (added > 0) {
      double heapPer = (double) (last.heapBytes() - first.heapBytes()) / added;
      double rssPer = (last.status().rssKib() - first.status().rssKib()) * 1024.0 / added;
      rows.add(
          new ResultRow(
              String.format(
                  Locale.ROOT,
                  "Heap per live session ((heap at %,d − heap at %,d) / %,d)",
                  last.sessions(),
                  first.sessions(),
                  added),
              String.format(Locale.ROOT, "%,.0f bytes (%s)", heapPer, Figures.kib(heapPer / 1024)),
              "≤ 20 KB (20,000 bytes)",
              Verdict.of(heapPer <= TARGET_HEAP_BYTES_PER_SESSION)));
      rows.add(
          ResultRow.info(
              "Resident memory per live session (same difference of VmRSS)",
              Figures.kib(rssPer / 1024)));
      double threadsPer = (double) (last.status().threads() - first.status().threads()) / added;
      rows.add(
          new ResultRow(
              String.format(
                  Locale.ROOT,
                  "Threads per live session ((threads at %,d − threads at %,d) / %,d)",
                  last.sessions(),
                  first.sessions(),
                  added),
              String.format(Locale.ROOT, "%.3f", threadsPer),
              "≤ 1 (the JDK's reaper of the child)",
              Verdict.of(threadsPer <= TARGET_THREADS_PER_SESSION)));
    }
    return rows;
  }

  private static String join(
      List<Reading> readings, java.util.function.Function<Reading, String> cell) {
    return readings.stream().map(cell).collect(Collectors.joining(" / "));
  }
}
