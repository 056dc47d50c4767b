package io.sessionlauncher.bench;

import io.sessionlauncher.bench.jmh.JmhSuite;
import io.sessionlauncher.bench.measure.BenchContext;
import io.sessionlauncher.bench.measure.ConcurrentLaunches;
import io.sessionlauncher.bench.measure.CreateDeleteCycles;
import io.sessionlauncher.bench.measure.DeleteLatency;
import io.sessionlauncher.bench.measure.GetUnderLoad;
import io.sessionlauncher.bench.measure.LaunchLatency;
import io.sessionlauncher.bench.measure.Measurement;
import io.sessionlauncher.bench.measure.MemoryFootprint;
import io.sessionlauncher.bench.measure.SanitizedLaunches;
import io.sessionlauncher.bench.measure.WarmUp;
import io.sessionlauncher.bench.measure.WebSocketProxy;
import io.sessionlauncher.bench.report.Figures;
import io.sessionlauncher.bench.report.ResultRow;
import io.sessionlauncher.bench.report.ResultTable;
import io.sessionlauncher.bench.server.BenchServer;
import io.sessionlauncher.bench.server.Machine;
import io.sessionlauncher.bench.server.ProcStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Runs the whole benchmark: JMH while the machine is quiet, then the bench server is started and
 * every HTTP measurement runs against it in turn, then it is stopped and the table is printed and
 * written. A measurement that fails gives a failed row and the run goes on; missed targets never
 * change the exit code, since benchmarks report and do not judge a build.
 */
public final class BenchMain {
  private final BenchSettings settings;
  private final ResultTable table = new ResultTable();
  private final long begin = System.nanoTime();

  private BenchMain(BenchSettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws IOException {
    new BenchMain(BenchSettings.parse(args)).run();
  }

  private void run() throws IOException {
    Machine machine = Machine.describe(settings.wlp());
    String loadBefore = Machine.loadAverage();
    if (settings.jmh()) {
      progress("JMH benchmarks (in-process pieces)");
      try {
        table.addAll(JmhSuite.run());
      } catch (Exception e) {
        table.add(ResultRow.failed("JMH benchmarks", e));
      }
    }
    try (BenchServer server =
        new BenchServer(
            settings.wlp(), settings.serverName(), settings.base(), settings.endpoint())) {
      progress("starting server " + settings.serverName() + " at " + settings.base());
      server.start();
      Path launcherJson = server.serverDir().resolve("launcher.json");
      BenchContext context =
          new BenchContext(settings, server, server.pid(), BenchApps.load(launcherJson));
      progress("warming up (server pid " + context.serverPid() + ")");
      WarmUp.run(context);
      ProcStatus start = ProcStatus.of(context.serverPid());
      table.add(
          ResultRow.info(
              "Server after start-up and warm-up: resident memory, threads, open descriptors",
              String.format(
                  Locale.ROOT,
                  "%s, %d threads, %d fds",
                  Figures.mib(start.rssMib()),
                  start.threads(),
                  start.openFiles())));
      List<Measurement> measurements =
          List.of(
              new LaunchLatency(),
              new ConcurrentLaunches(),
              new SanitizedLaunches(),
              new GetUnderLoad(),
              new DeleteLatency(),
              new MemoryFootprint(),
              new CreateDeleteCycles(start.openFiles()),
              new WebSocketProxy());
      for (Measurement measurement : measurements) {
        if (!settings.runs(measurement.name())) {
          continue;
        }
        progress(measurement.name());
        table.addAll(runGuarded(measurement, context));
      }
      progress("stopping server " + settings.serverName());
    }
    table.note(
        "Load average (1 / 5 / 15 min) at the start: "
            + loadBefore
            + "; at the end: "
            + Machine.loadAverage()
            + ". Targets are the benchmark issue's; see the module README for how to read them.");
    report(machine);
  }

  private static List<ResultRow> runGuarded(Measurement measurement, BenchContext context) {
    try {
      return measurement.run(context);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of(ResultRow.failed(measurement.name(), e));
    } catch (Exception e) {
      e.printStackTrace();
      return List.of(ResultRow.failed(measurement.name(), e));
    }
  }

  private void report(Machine machine) throws IOException {
    String markdown = table.markdown(machine, elapsedSeconds());
    System.out.println();
    System.out.println(markdown);
    List<ResultRow> shortfalls = table.shortfalls();
    System.out.println(
        shortfalls.isEmpty()
            ? "Every target met."
            : shortfalls.size() + " target(s) missed or measurement(s) failed:");
    shortfalls.forEach(row -> System.out.println("  - " + row.measurement() + ": " + row.figure()));
    Path output = settings.output().toAbsolutePath();
    Files.createDirectories(output.getParent());
    Files.writeString(output, markdown, StandardCharsets.UTF_8);
    System.out.println("Table written to " + output);
  }

  private void progress(String step) {
    System.out.printf(Locale.ROOT, "[bench %5.0f s] %s%n", elapsedSeconds(), step);
  }

  private double elapsedSeconds() {
    return (System.nanoTime() - begin) / 1e9;
  }
}
