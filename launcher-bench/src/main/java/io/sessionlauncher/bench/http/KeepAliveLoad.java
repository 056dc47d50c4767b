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
 *
 * <p>A closed loop waits for each answer before it sends the next request, so a slow answer also
 * holds back the requests that would have followed it, and raw latencies understate what clients
 * arriving on their own schedule would see (coordinated omission). Each connection's latencies are
 * therefore also corrected with HdrHistogram, taking as the expected interval that connection's
 * measured mean interval between requests (window / requests it sent in the window).
 */
public final class KeepAliveLoad {
  private final InetSocketAddress address;
  private final String path;

  public KeepAliveLoad(InetSocketAddress address, String path) {
    this.address = address;
    this.path = path;
  }

  /** What one connection measured in the window. */
  private record Worker(Samples latencies, long failures) {}

  /** Runs the load for {@code warmup} plus {@code duration}, and measures the second part. */
  public LoadResult run(int connections, Duration warmup, Duration duration) {
    long measureFrom = System.nanoTime() + warmup.toNanos();
    long measureUntil = measureFrom + duration.toNanos();
    AtomicLong reconnects = new AtomicLong();
    ExecutorService threads = Executors.newFixedThreadPool(connections);
    try {
      List<Future<Worker>> workers = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        workers.add(threads.submit(() -> loop(measureFrom, measureUntil, reconnects)));
      }
      Samples all = new Samples();
      Samples corrected = new Samples();
      long failures = 0;
      for (Future<Worker> future : workers) {
        Worker worker = future.get();
        all.addAll(worker.latencies());
        failures += worker.failures();
        long sent = worker.latencies().count() + worker.failures();
        if (worker.latencies().count() > 0) {
          corrected.addAll(worker.latencies().correctedFor(Math.max(1, duration.toNanos() / sent)));
        }
      }
      double seconds = duration.toNanos() / 1e9;
      return new LoadResult(
          connections, all.count(), failures, seconds, all, corrected, reconnects.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException("load run interrupted", e);
    } catch (ExecutionException e) {
      throw new BenchmarkException("load worker failed: " + e.getCause(), e.getCause());
    } finally {
      threads.shutdownNow();
    }
  }

  private Worker loop(long measureFrom, long measureUntil, AtomicLong reconnects) {
    Samples latencies = new Samples();
    long failures = 0;
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
            failures++;
          }
        }
      }
      reconnects.addAndGet(connection.reconnects());
    }
    return new Worker(latencies, failures);
  }
}
