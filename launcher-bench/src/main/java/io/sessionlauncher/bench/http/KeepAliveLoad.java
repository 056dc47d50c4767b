package io.sessionlauncher.bench.http;

import io.sessionlauncher.bench.BenchmarkException;
import io.sessionlauncher.bench.stats.Samples;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: N platform threads, each with its own keep-alive connection,
 * sending the same GET back to back. A warm-up period lets the server's JIT and thread pool settle;
 * only requests started in the window after it are counted.
 */
public final class KeepAliveLoad {
  private final InetSocketAddress address;
  private final String path;

  public KeepAliveLoad(InetSocketAddress address, String path) {
    this.address = address;
    this.path = path;
  }

  /** Runs the load for {@code warmup} plus {@code duration}, and measures the second part. */
  public LoadResult run(int connections, Duration warmup, Duration duration) {
    long measureFrom = System.nanoTime() + warmup.toNanos();
    long measureUntil = measureFrom + duration.toNanos();
    AtomicLong failures = new AtomicLong();
    AtomicLong reconnects = new AtomicLong();
    ExecutorService threads = Executors.newFixedThreadPool(connections);
    try {
      List<Future<Samples>> workers = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        workers.add(threads.submit(() -> loop(measureFrom, measureUntil, failures, reconnects)));
      }
      Samples all = new Samples();
      for (Future<Samples> worker : workers) {
        all.addAll(worker.get());
      }
      double seconds = duration.toNanos() / 1e9;
      return new LoadResult(
          connections, all.count(), failures.get(), seconds, all, reconnects.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException("load run interrupted", e);
    } catch (ExecutionException e) {
      throw new BenchmarkException("load worker failed: " + e.getCause(), e.getCause());
    } finally {
      threads.shutdownNow();
    }
  }

  private Samples loop(
      long measureFrom, long measureUntil, AtomicLong failures, AtomicLong reconnects) {
    Samples latencies = new Samples();
    try (HttpConnection connection = new HttpConnection(address)) {
      long start;
      while ((start = System.nanoTime()) < measureUntil) {
        boolean ok;
        try {
          ok = connection.send("GET", path, null).status() == 200;
        } catch (IOException e) {
          connection.disconnect();
          ok = false;
        }
        long end = System.nanoTime();
        if (start >= measureFrom) {
          if (ok) {
            latencies.add(end - start);
          } else {
            failures.incrementAndGet();
          }
        }
      }
      reconnects.addAndGet(connection.reconnects());
    }
    return latencies;
  }
}
