package io.sessionlauncher.engine.concurrent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Outside an application server the producer falls back to an own pool of daemon threads. */
class BackgroundTasksProducerTest {
  private final BackgroundTasksProducer producer = new BackgroundTasksProducer();

  @Test
  void withoutAManagedExecutorTasksRunOnOwnDaemonThreads() throws Exception {
    BackgroundTasks tasks = producer.backgroundTasks();
    try {
      assertFalse(tasks.managed());
      CompletableFuture<Thread> shortTask = new CompletableFuture<>();
      CompletableFuture<Thread> longTask = new CompletableFuture<>();

      tasks.execute(() -> shortTask.complete(Thread.currentThread()));
      tasks.executeLongRunning(() -> longTask.complete(Thread.currentThread()));

      Thread a = shortTask.get(5, TimeUnit.SECONDS);
      Thread b = longTask.get(5, TimeUnit.SECONDS);
      assertTrue(a.isDaemon() && b.isDaemon(), "daemon threads do not hold the JVM up");
      assertTrue(a.getName().startsWith("session-launcher-"), a.getName());
    } finally {
      producer.close(tasks);
    }
  }

  @Test
  void disposingTheTasksShutsTheirPoolDown() {
    BackgroundTasks tasks = producer.backgroundTasks();

    producer.close(tasks);

    assertThrows(RejectedExecutionException.class, () -> tasks.execute(() -> {}));
  }
}
