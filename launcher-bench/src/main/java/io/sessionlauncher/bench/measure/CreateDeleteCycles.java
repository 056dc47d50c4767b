package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.BenchApps;
import io.sessionlauncher.bench.http.Launched;
import io.sessionlauncher.bench.http.LauncherClient;
import io.sessionlauncher.bench.report.Figures;
import io.sessionlauncher.bench.report.ResultRow;
import io.sessionlauncher.bench.report.Verdict;
import io.sessionlauncher.bench.server.HeapProbe;
import io.sessionlauncher.bench.server.ProcStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Many create/delete cycles in a row, then the leak check: no session process left anywhere, the
 * proxy file empty, the server's descriptors back to what it had at the start of the run.
 */
public final class CreateDeleteCycles implements Measurement {
  private static final Duration SETTLE = Duration.ofSeconds(10);

  private final int startOpenFiles;

  /**
   * @param startOpenFiles the server's descriptors after start-up and warm-up
   */
  public CreateDeleteCycles(int startOpenFiles) {
    this.startOpenFiles = startOpenFiles;
  }

  @Override
  public String name() {
    return "create/delete cycles";
  }

  @Override
  public List<ResultRow> run(BenchContext context) throws IOException {
    long pid = context.serverPid();
    int cycles = context.settings().cycles();
    long heapBefore = HeapProbe.liveBytes(pid);
    long begin = System.nanoTime();
    try (LauncherClient client = context.client()) {
      for (int i = 0; i < cycles; i++) {
        Launched session = client.launch(BenchApps.INSTANT);
        client.delete(session.id());
      }
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    long left = context.census().awaitNone(SETTLE);
    String proxy = proxyText(context.proxyFile());
    int margin = context.settings().fdMargin();
    int openFiles = awaitOpenFiles(pid, startOpenFiles + margin);
    long heapAfter = HeapProbe.liveBytes(pid);
    long lines = proxy.lines().filter(line -> !line.isBlank()).count();
    double heapGrowth = heapAfter - heapBefore;
    return List.of(
        ResultRow.info(
            String.format(
                Locale.ROOT, "%,d create/delete cycles, `instant` app, one client", cycles),
            String.format(
                Locale.ROOT,
                "%s (%s per cycle)",
                Figures.seconds(seconds),
                Figures.ms(seconds * 1000 / cycles))),
        new ResultRow(
            "Session processes left after the cycles (server's children, and marked ones anywhere)",
            Long.toString(left),
            "0",
            Verdict.of(left == 0)),
        new ResultRow(
            "Proxy mapping file after the cycles",
            lines == 0 ? "empty" : lines + " lines",
            "empty",
            Verdict.of(lines == 0)),
        new ResultRow(
            "Server open file descriptors: at start (after warm-up) → after the cycles",
            startOpenFiles + " → " + openFiles,
            "start ± " + margin,
            Verdict.of(Math.abs(openFiles - startOpenFiles) <= margin)),
        ResultRow.info(
            "Server reachable heap after the cycles − before",
            String.format(
                Locale.ROOT,
                "%+.1f KiB (%+,.0f bytes per cycle)",
                heapGrowth / 1024,
                heapGrowth / cycles)));
  }

  private static String proxyText(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  /** The descriptor count once it is at most {@code limit}, or after the settle time. */
  private static int awaitOpenFiles(long pid, int limit) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    int count;
    while ((count = ProcStatus.of(pid).openFiles()) > limit && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    return count;
  }
}
