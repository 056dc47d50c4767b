package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.BenchApps;
import io.sessionlauncher.bench.BenchmarkException;
import io.sessionlauncher.bench.http.Launched;
import io.sessionlauncher.bench.http.LauncherClient;
import io.sessionlauncher.bench.report.Figures;
import io.sessionlauncher.bench.report.ResultRow;
import io.sessionlauncher.bench.stats.Samples;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * DELETE of sessions that hold something real: the demo app (a JVM listening on its port), timed to
 * the answer, to its process being gone, and to its port being bindable again; and the wrapped app
 * (a shell keeping a child), whose stop must take a process tree.
 */
public final class DeleteLatency implements Measurement {
  private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

  @Override
  public String name() {
    return "DELETE latency";
  }

  @Override
  public List<ResultRow> run(BenchContext context) {
    int demos = context.settings().demoDeletes();
    Samples answer = new Samples();
    Samples gone = new Samples();
    Samples bindable = new Samples();
    int reused = 0;
    String host = context.apps().config().resources().get(0).host();
    try (LauncherClient client = context.client()) {
      int previousPort = -1;
      for (int i = 0; i < demos; i++) {
        Launched session = client.launch(BenchApps.DEMO);
        if (session.port() == previousPort) {
          reused++;
        }
        previousPort = session.port();
        ProcessHandle process = context.census().childWith("--port " + session.port());
        if (process == null) {
          client.delete(session.id());
          throw new BenchmarkException("no demo process found for port " + session.port());
        }
        long begin = System.nanoTime();
        client.delete(session.id());
        answer.add(System.nanoTime() - begin);
        gone.add(await(begin, () -> !process.isAlive()));
        bindable.add(await(begin, () -> PortCheck.bindable(host, session.port())));
      }
      Samples wrapped = new Samples();
      for (int i = 0; i < context.settings().wrappedDeletes(); i++) {
        Launched session = client.launch(BenchApps.WRAPPED);
        long begin = System.nanoTime();
        client.delete(session.id());
        wrapped.add(System.nanoTime() - begin);
      }
      String demo = "DELETE `demo` (a JVM listening on its port), n=" + demos + ", ";
      return List.of(
          ResultRow.info(demo + "until answered (p50 / max)", Figures.medianAndMax(answer)),
          ResultRow.info(
              demo + "until its process is gone (p50 / max)", Figures.medianAndMax(gone)),
          ResultRow.info(
              demo + "until its port can be bound again (p50 / max)",
              Figures.medianAndMax(bindable)),
          ResultRow.info(
              "Port of a deleted `demo` session handed to the next launch",
              reused + " of " + (demos - 1)),
          ResultRow.info(
              "DELETE `wrapped` (sh keeping a child: a process tree), n="
                  + wrapped.count()
                  + ", until answered (p50 / max)",
              Figures.medianAndMax(wrapped)));
    }
  }

  /** Nanoseconds from {@code begin} until the condition holds. */
  private static long await(long begin, java.util.function.BooleanSupplier condition) {
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - begin > GIVE_UP_NANOS) {
        throw new BenchmarkException("condition not reached within 30 s of the DELETE");
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    return System.nanoTime() - begin;
  }
}
