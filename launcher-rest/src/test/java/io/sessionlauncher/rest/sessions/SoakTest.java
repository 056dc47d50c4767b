package io.sessionlauncher.rest.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.FreePorts;
import io.sessionlauncher.rest.testing.Http;
import io.sessionlauncher.rest.testing.Http.Answer;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.rest.testing.LauncherJson;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand sessions created and ended over HTTP by four clients at once, mixed with crashes
 * before and after ready and processes killed from outside. At the end nothing may be left: no
 * process, zombie, port, proxy line or file descriptor. Prints its figures.
 */
class SoakTest {
  private static final int CYCLES = 1000;
  private static final int CLIENTS = 4;
  private static final Duration LIMIT = Duration.ofMinutes(5);

  @TempDir Path folder;

  @Test
  void thousandCyclesLeaveNothingBehind() throws Exception {
    int first = FreePorts.range(16);
    LauncherJson json =
        // "$$$$" is the template escape for "$$", the shell's own pid.
        new LauncherJson(folder, first, first + 15)
            .app(
                "steady",
                "{\"cmd\": [\"/bin/sh\", \"-c\", \"echo ready $$$$; exec sleep 600\"],"
                    + " \"ready_line\": \"ready\"}")
            .app(
                "crashAfterReady",
                "{\"cmd\": [\"/bin/sh\", \"-c\", \"echo ready; sleep 0.05; exit 7\"],"
                    + " \"ready_line\": \"ready\"}")
            .app(
                "crashBeforeReady",
                "{\"cmd\": [\"/bin/sh\", \"-c\", \"exit 2\"], \"ready_line\": \"ready\"}")
            .app(
                "forks",
                "{\"cmd\": [\"/bin/sh\", \"-c\", \"sleep 600 & sleep 600 & echo ready; wait\"],"
                    + " \"ready_line\": \"ready\"}");
    Http http = new Http();
    try (InProcessLauncher launcher = InProcessLauncher.start(json.write())) {
      int fdsBefore = openFileDescriptors();
      AtomicInteger failures = new AtomicInteger();
      AtomicInteger cycles = new AtomicInteger();
      Instant start = Instant.now();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> work = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        work.add(
            clients.submit(
                () -> {
                  int n;
                  while ((n = cycles.getAndIncrement()) < CYCLES) {
                    if (!cycle(n, http, launcher)) {
                      failures.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> future : work) {
        future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      }
      clients.shutdown();
      Duration took = Duration.between(start, Instant.now());

      awaitTrue(() -> launcher.sessions().list().isEmpty(), "every session ended");
      awaitTrue(() -> ProcessHandle.current().children().findAny().isEmpty(), "no child left");
      assertEquals(0, failures.get(), "cycles that did not behave");
      assertEquals(launcher.pool().size(), launcher.pool().available(), "every port is free");
      assertEquals("", Files.readString(json.proxyFile()), "no proxy line");
      assertTrue(zombies().isEmpty(), "zombies: " + zombies());
      int fdsAfter = openFileDescriptors();
      assertTrue(
          fdsAfter <= fdsBefore + 16,
          "file descriptors " + fdsBefore + " before, " + fdsAfter + " after");
      System.out.printf(
          "soak: %d cycles by %d clients in %d ms (%.1f cycles/s); fds %d -> %d%n",
          CYCLES, CLIENTS, took.toMillis(), CYCLES * 1000.0 / took.toMillis(), fdsBefore, fdsAfter);
    }
  }

  /** One create/end cycle of a kind chosen by {@code n}; true when it behaved as it should. */
  private static boolean cycle(int n, Http http, InProcessLauncher launcher) {
    String app =
        switch (n % 10) {
          case 0 -> "crashAfterReady";
          case 1 -> "crashBeforeReady";
          case 2 -> "forks";
          default -> "steady";
        };
    Answer created = http.post(launcher.uri("/paraview/"), "{\"application\": \"" + app + "\"}");
    if (app.equals("crashBeforeReady")) {
      return created.status() == 503;
    }
    if (created.status() == 503) {
      return true; // the pool was momentarily full: a correct answer under load
    }
    if (created.status() != 200) {
      return false;
    }
    String id = created.json().getString("id");
    if (app.equals("crashAfterReady")) {
      return awaitEnded(http, launcher, id);
    }
    if (n % 10 == 3) {
      killFromOutside(launcher.config().configuration().logDir().resolve(id + ".txt"));
      return awaitEnded(http, launcher, id);
    }
    return http.delete(launcher.uri("/paraview/" + id)).status() == 200;
  }

  /** Kills the session's process by the pid it wrote in its log, as an operator's kill would. */
  private static void killFromOutside(Path log) {
    try {
      String line = Files.readString(log).trim();
      long pid = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    } catch (IOException | RuntimeException e) {
      throw new AssertionError("cannot read the pid from " + log, e);
    }
  }

  private static boolean awaitEnded(Http http, InProcessLauncher launcher, String id) {
    Instant end = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(end)) {
      Answer shown = http.get(launcher.uri("/paraview/" + id));
      if (shown.status() == 200 && shown.json().getString("state").equals("ended")) {
        return true;
      }
      LockSupport.parkNanos(20_000_000L);
    }
    return false;
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
    Instant end = Instant.now().plusSeconds(30);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("not true within 30 s: " + what);
      }
      LockSupport.parkNanos(50_000_000L);
    }
  }

  private static int openFileDescriptors() throws IOException {
    int count = 0;
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
      for (Path ignored : fds) {
        count++;
      }
    }
    return count;
  }

  /** Children of this JVM in state Z. */
  private static List<Long> zombies() throws IOException {
    long self = ProcessHandle.current().pid();
    List<Long> zombies = new ArrayList<>();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        try {
          String stat = Files.readString(process.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          if (fields[0].equals("Z") && Long.parseLong(fields[1]) == self) {
            zombies.add(Long.parseLong(process.getFileName().toString()));
          }
        } catch (IOException | RuntimeException e) {
          // The process ended while we looked.
        }
      }
    }
    return zombies;
  }
}
