package io.sessionlauncher.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs tasks at the same moment, one platform thread each: every thread is started and waiting at a
 * gate before the clock starts, so thread creation is not part of the time.
 */
public final class AtOnce {
  private AtOnce() {}

  /**
   * What a burst gave.
   *
   * @param results results of the tasks that succeeded
   * @param failures errors of the tasks that failed
   * @param nanos from opening the gate until the last task finished
   */
  public record Outcome<T>(List<T> results, List<Throwable> failures, long nanos) {}

  public static <T> Outcome<T> run(List<Callable<T>> tasks) throws InterruptedException {
    CountDownLatch waiting = new CountDownLatch(tasks.size());
    CountDownLatch gate = new CountDownLatch(1);
    AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
    List<T> results = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (Callable<T> task : tasks) {
      Thread thread =
          new Thread(
              () -> {
                waiting.countDown();
                try {
                  gate.await();
                  T result = task.call();
                  synchronized (results) {
                    results.add(result);
                  }
                } catch (Exception | Error e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                } finally {
                  lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                }
              },
              "at-once");
      thread.start();
      threads.add(thread);
    }
    waiting.await();
    long start = System.nanoTime();
    gate.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    return new Outcome<>(List.copyOf(results), List.copyOf(failures), lastEnd.get() - start);
  }
}
