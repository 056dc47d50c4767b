package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.BenchmarkException;
import io.sessionlauncher.bench.http.Launched;
import io.sessionlauncher.bench.http.LauncherClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates and deletes many sessions with a few parallel clients, one connection each. */
public final class Sessions {
  private final BenchContext context;
  private final int workers;

  public Sessions(BenchContext context, int workers) {
    this.context = context;
    this.workers = workers;
  }

  /**
   * What a fill gave.
   *
   * @param created the sessions started
   * @param failures errors of the launches that failed
   * @param seconds how long it took
   */
  public record Fill(List<Launched> created, List<Throwable> failures, double seconds) {}

  /**
   * Starts up to {@code count} sessions of {@code app}, stopping early at {@code deadlineNanos} (of
   * {@link System#nanoTime}) so that a launcher that slows down cannot stall the whole run. A
   * failed launch is recorded and the workers go on.
   */
  public Fill fill(String app, int count, long deadlineNanos) throws InterruptedException {
    long begin = System.nanoTime();
    List<Launched> created = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    AtomicInteger claimed = new AtomicInteger();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int worker = 0; worker < workers; worker++) {
      tasks.add(
          () -> {
            try (LauncherClient client = context.client()) {
              while (System.nanoTime() < deadlineNanos && claimed.incrementAndGet() <= count) {
                try {
                  Launched session = client.launch(app);
                  synchronized (created) {
                    created.add(session);
                  }
                } catch (RuntimeException e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              }
            }
            return null;
          });
    }
    runAll(tasks);
    return new Fill(List.copyOf(created), List.copyOf(failures), (System.nanoTime() - begin) / 1e9);
  }

  /** Deletes the sessions, spread over the workers. */
  public void delete(List<Launched> sessions) throws InterruptedException {
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int worker = 0; worker < workers; worker++) {
      List<Launched> mine = new ArrayList<>();
      for (int i = worker; i < sessions.size(); i += workers) {
        mine.add(sessions.get(i));
      }
      tasks.add(
          () -> {
            try (LauncherClient client = context.client()) {
              for (Launched session : mine) {
                client.delete(session.id());
              }
            }
            return null;
          });
    }
    runAll(tasks);
  }

  private <T> void runAll(List<Callable<T>> tasks) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(task));
      }
      BenchmarkException first = null;
      for (Future<T> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          if (first == null) {
            first = new BenchmarkException(String.valueOf(e.getCause().getMessage()), e.getCause());
          }
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
