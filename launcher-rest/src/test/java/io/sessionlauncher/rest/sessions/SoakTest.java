package io.sessionlauncher.rest.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.process.SessionCgroups;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A thousand sessions created and ended over HTTP by four clients at once, mixed with crashes
 * before and after ready, processes killed from outside, detached children (with a cleared
 * environment where the launcher makes a cgroup per session) and clients that hang up before their
 * session is ready. At the end nothing may be left: no process, zombie, port, proxy line or file
 * descriptor, every abandoned start ended as such and none by its timeout. Prints its figures.
 */
class SoakTest {
  private static final int CYCLES = 1000;
  private static final int CLIENTS = 4;
  private static final Duration LIMIT = Duration.ofMinutes(5);

  /** How long the last sessions and processes may take to go once the cycles are done. */
  private static final Duration AT_END = Duration.ofSeconds(30);

  @RegisterExtension
  final InProcessLauncher launcher =
      InProcessLauncher.withPorts(
          16,
          json ->
              json
                  // "$$$$" is the template escape for "$$", the shell's own pid.
                  .app("steady", sh("echo ready $$$$; exec sleep 600"), "ready")
                  .app("crashAfterReady", sh("echo ready; sleep 0.05; exit 7"), "ready")
                  .app("crashBeforeReady", sh("exit 2"), "ready")
                  .app("forks", sh("sleep 600 & sleep 600 & echo ready; wait"), "ready")
                  // Detached from the tree and group, its parent init; without a cgroup per session
                  // it keeps the marker, which is then what finds it.
                  .app(
                      "detaches",
                      sh(DETACH + " sleep " + DETACHED + " & ); echo ready; wait"),
                      "ready")
                  .app("neverReady", sh("exec sleep 600"), "never"));

  /** How the "detaches" app leaves its session: the sleep it starts has this unusual length. */
  private static final int DETACHED = 6071;

  private static final String DETACH =
      SessionCgroups.available() ? "( env -i /usr/bin/setsid" : "( /usr/bin/setsid";

  /** Cycles whose client hangs up before the answer. */
  private static final AtomicInteger HUNG_UP = new AtomicInteger();

  private static List<String> sh(String script) {
    return List.of("/bin/sh", "-c", script);
  }

  @Test
  void thousandCyclesLeaveNothingBehind() throws Exception {
    Http http = new Http();
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

    Waits.until("every session ended", AT_END, () -> launcher.sessions().list().isEmpty());
    Waits.until(
        "no detached sleeper left", AT_END, () -> processesWith("sleep " + DETACHED).isEmpty());
    String audit = Files.readString(launcher.json().logDir().resolve("audit.jsonl"));
    assertEquals(
        HUNG_UP.get(),
        audit.lines().filter(line -> line.contains("\"outcome\":\"abandoned\"")).count(),
        "every start whose client hung up ended as abandoned");
    assertEquals(
        0,
        audit.lines().filter(line -> line.contains("\"outcome\":\"timeout\"")).count(),
        "none waited for its timeout");
    SessionCgroups.folder()
        .ifPresent(
            folder ->
                assertEquals(
                    List.of(),
                    audit
                        .lines()
                        .map(line -> line.replaceFirst(".*\"sessionId\":\"([^\"]+)\".*", "$1"))
                        .filter(id -> Files.exists(folder.resolve(id)))
                        .distinct()
                        .toList(),
                    "session cgroups left"));
    Waits.until(
        () -> "no child left, but " + ProcessHandle.current().children().toList(),
        AT_END,
        () -> ProcessHandle.current().children().findAny().isEmpty());
    assertEquals(0, failures.get(), "cycles that did not behave");
    assertEquals(launcher.pool().size(), launcher.pool().available(), "every port is free");
    assertEquals("", Files.readString(launcher.json().proxyFile()), "no proxy line");
    assertTrue(zombies().isEmpty(), "zombies: " + zombies());
    int fdsAfter = openFileDescriptors();
    assertTrue(
        fdsAfter <= fdsBefore + 16,
        "file descriptors " + fdsBefore + " before, " + fdsAfter + " after");
    System.out.printf(
        "soak: %d cycles by %d clients in %d ms (%.1f cycles/s), %d hung up, %s; fds %d -> %d%n",
        CYCLES,
        CLIENTS,
        took.toMillis(),
        CYCLES * 1000.0 / took.toMillis(),
        HUNG_UP.get(),
        SessionCgroups.describe(),
        fdsBefore,
        fdsAfter);
  }

  /** One create/end cycle of a kind chosen by {@code n}; true when it behaved as it should. */
  private static boolean cycle(int n, Http http, InProcessLauncher launcher) {
    String app =
        switch (n % 10) {
          case 0 -> "crashAfterReady";
          case 1 -> "crashBeforeReady";
          case 2 -> "forks";
          case 4 -> "detaches";
          case 5 -> "neverReady";
          default -> "steady";
        };
    if (app.equals("neverReady")) {
      hangUp(launcher, app);
      return true; // the checks at the end tell whether its session was ended
    }
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

  /** Sends a blocking launch and closes the connection without waiting for the answer. */
  private static void hangUp(InProcessLauncher launcher, String app) {
    String body = "{\"application\": \"" + app + "\"}";
    try (Socket socket = new Socket("127.0.0.1", launcher.base().getPort())) {
      socket
          .getOutputStream()
          .write(
              ("POST /paraview/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + "Content-Type: application/json\r\nContent-Length: "
                      + body.length()
                      + "\r\n\r\n"
                      + body)
                  .getBytes(StandardCharsets.US_ASCII));
      HUNG_UP.incrementAndGet();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pids of the processes whose command line holds {@code text}. */
  private static List<Long> processesWith(String text) throws IOException {
    List<Long> found = new ArrayList<>();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        try {
          String cmdline = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
          if (cmdline.contains(text)) {
            found.add(Long.parseLong(process.getFileName().toString()));
          }
        } catch (IOException | RuntimeException e) {
          // The process ended while we looked.
        }
      }
    }
    return found;
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

  /** Whether the session ends within 20 s; a cycle where it does not is counted, not thrown. */
  private static boolean awaitEnded(Http http, InProcessLauncher launcher, String id) {
    return Waits.holdsWithin(
        Duration.ofSeconds(20),
        () -> {
          Answer shown = http.get(launcher.uri("/paraview/" + id));
          return shown.status() == 200 && shown.json().getString("state").equals("ended");
        });
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
