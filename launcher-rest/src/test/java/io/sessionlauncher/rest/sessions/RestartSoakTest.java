package io.sessionlauncher.rest.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.process.SessionCgroups;
import io.sessionlauncher.rest.testing.ChildLauncher;
import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.HangingCreatePlugin;
import io.sessionlauncher.testing.FreePorts;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import io.sessionlauncher.testing.LauncherJson;
import io.sessionlauncher.testing.Waits;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand cycles over three lifetimes of a launcher in a child JVM, the first two ended by
 * SIGKILL while sessions run: normal sessions, detached children, a plugin whose {@code create}
 * hangs past the start timeout, clients that hang up before ready, sessions that crash and sessions
 * killed from outside. Each restarted launcher adopts the sessions left running, whose logs keep
 * growing. At the end nothing is left: no process, pool port, descriptor, proxy line or record.
 * Prints its figures as {@code [soak]} lines.
 */
class RestartSoakTest {
  private static final int CYCLES = 1000;
  private static final int LIFETIMES = 3;
  private static final int CLIENTS = 4;

  /** Sessions started before each SIGKILL and left running for the next launcher to adopt. */
  private static final int KEPT = 3;

  /** Launches sent just before each SIGKILL, whose answers never come. */
  private static final int IN_FLIGHT = 2;

  private static final int POOL = 32;
  private static final Duration LIMIT = Duration.ofMinutes(5);
  private static final Duration AT_END = Duration.ofSeconds(30);

  /** Every session command holds this text, or a sleep of an unusual length starting 608. */
  private static final String MARKER = "rsoak";

  private static final String SLEEPS = "sleep 608";

  private static final String DETACH =
      SessionCgroups.available() ? "( env -i /usr/bin/setsid" : "( /usr/bin/setsid";

  @TempDir Path folder;
  private final Http http = new Http();
  private final List<ChildLauncher> launchers = new ArrayList<>();
  private final AtomicInteger hungUp = new AtomicInteger();
  private final AtomicInteger hanging = new AtomicInteger();
  private LauncherJson json;
  private ChildLauncher launcher;

  @AfterEach
  void cleanUp() throws IOException {
    launchers.forEach(ChildLauncher::close);
    for (long pid : processesWith(MARKER, SLEEPS)) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void thousandCyclesOverTwoKilledLaunchersLeaveNothingBehind() throws Exception {
    int firstPort = poolStart();
    Path dataDir = folder.resolve("data");
    json =
        DemoApp.configuration(folder, firstPort, firstPort + POOL - 1)
            .timeout(5)
            .stopGrace(1)
            .set("configuration.data_dir", dataDir.toString())
            .set("configuration.on_restart", "adopt")
            // "$$$$" is the template escape for "$$", the shell's own pid.
            .app("steady", sh("echo ready $$$$; exec sleep 6081"), "ready")
            .app(
                "ticks",
                sh("echo ready $$$$; while :; do echo " + MARKER + " tick; sleep 0.1; done"),
                "ready")
            .app("crashAfterReady", sh("echo ready; sleep 0.05; exit 7"), "ready")
            .app("crashBeforeReady", sh("exit 2"), "ready")
            .app("forks", sh("sleep 6082 & sleep 6082 & echo ready; wait"), "ready")
            .app("detaches", sh(DETACH + " sleep 6083 & ); echo ready; wait"), "ready")
            .app("neverReady", sh("exec sleep 6084"), "never")
            .app("hangsInCreate", Map.of("product", "hanging", "mode", "create"));
    Path config = json.write();

    Map<String, Long> kept = new LinkedHashMap<>(); // session id -> its log's size when adopted
    List<Integer> adoptedCounts = new ArrayList<>();
    AtomicInteger cycles = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    int fdsStart = 0;
    int capacity = 0;
    Instant start = Instant.now();
    for (int life = 0; life < LIFETIMES; life++) {
      launcher = ChildLauncher.start(config, folder, "launcher" + life, HangingCreatePlugin.class);
      launchers.add(launcher);
      for (Map.Entry<String, Long> session : kept.entrySet()) {
        Answer adopted = http.get(uri("paraview/" + session.getKey()));
        assertEquals(200, adopted.status(), "adopted " + session.getKey() + ": " + adopted.body());
        assertEquals("ready", adopted.json().getString("state"), adopted.body());
        session.setValue(Files.size(logOf(session.getKey())));
      }
      adoptedCounts.add(kept.size());
      if (life == 0) {
        capacity = capacity();
      }
      fdsStart = descriptors(launcher.pid());
      runCycles(life, cycles, failures);
      assertLogsGrow(kept);
      if (life < LIFETIMES - 1) {
        for (int k = 0; k < KEPT; k++) {
          Answer created = http.post(uri("paraview/"), "{\"application\": \"ticks\"}");
          assertEquals(200, created.status(), created.body());
          kept.put(created.json().getString("id"), 0L);
        }
        // Launches still in progress when the launcher dies: their clients never hear back.
        List<Socket> inFlight = new ArrayList<>();
        for (int k = 0; k < IN_FLIGHT; k++) {
          inFlight.add(launch("ticks"));
        }
        int recorded = kept.size() + IN_FLIGHT;
        Waits.until(
            "the launches in flight recorded", AT_END, () -> records(dataDir).size() >= recorded);
        launcher.kill();
        for (Socket socket : inFlight) {
          socket.close();
        }
        System.out.printf(
            "[soak] launcher %d killed with SIGKILL after %d cycles, %d sessions running and %d"
                + " launches in flight%n",
            life, cycles.get(), kept.size(), IN_FLIGHT);
      }
    }
    Duration took = Duration.between(start, Instant.now());

    int leftAtEnd = 0;
    for (JsonValue listed :
        http.get(uri("paraview/")).json().getJsonArray("sessions").getValuesAs(JsonValue.class)) {
      JsonObject session = listed.asJsonObject();
      if (!session.getString("state").equals("ended")) {
        Answer deleted = http.delete(uri("paraview/" + session.getString("id")));
        assertEquals(200, deleted.status(), deleted.body());
        leftAtEnd++;
      }
    }
    assertTrue(leftAtEnd >= kept.size(), leftAtEnd + " sessions live at the end");
    Waits.until("no record left", AT_END, () -> records(dataDir).isEmpty());
    // A launch whose create hung holds its port until the launcher's bound ends it, which may be
    // after the last record went: waited for, bounded, so that only a port never given back fails.
    int atStart = capacity;
    Waits.until(
        "the pool to hold " + atStart + " sessions at once again, as at the start",
        AT_END,
        () -> capacity() == atStart);
    // Launches whose create hung end on the launcher's bound; their threads end with the hang.
    int fdsAdopted = fdsStart;
    Waits.until(
        "the launcher's descriptors back near " + fdsAdopted,
        AT_END,
        () -> descriptors(launcher.pid()) <= fdsAdopted + 16);
    int fdsEnd = descriptors(launcher.pid());
    launcher.stop();

    assertEquals(0, failures.get(), "cycles that did not behave");
    Waits.until(
        () -> "no session process left, but " + commandLinesWith(MARKER, SLEEPS),
        AT_END,
        () -> processesWith(MARKER, SLEEPS).isEmpty());
    assertEquals(List.of(), heldPorts(firstPort), "pool ports still held");
    assertEquals("", Files.readString(json.proxyFile()), "no proxy line");
    assertEquals(List.of(), records(dataDir), "no session record");
    String audit = Files.readString(json.logDir().resolve("audit.jsonl"));
    assertEquals(
        0,
        audit.lines().filter(line -> line.contains("\"outcome\":\"timeout\"")).count(),
        "none waited for its timeout");
    System.out.printf(
        "[soak] %d cycles by %d clients over %d launchers (2 killed) in %d ms (%.1f cycles/s)%n",
        CYCLES, CLIENTS, LIFETIMES, took.toMillis(), CYCLES * 1000.0 / took.toMillis());
    System.out.printf(
        "[soak] %d hung up before ready, %d hanging creates bounded, %s%n",
        hungUp.get(), hanging.get(), SessionCgroups.describe());
    System.out.printf(
        "[soak] adopted per restart %s, %d sessions live at the end, pool capacity %d at start"
            + " and end; last launcher's descriptors %d after adoption, %d at end%n",
        adoptedCounts.subList(1, adoptedCounts.size()), leftAtEnd, capacity, fdsAdopted, fdsEnd);
  }

  /**
   * How many sessions the launcher starts at once before it answers 503: the pool's free pairs,
   * which a leaked port would lower. Ends every session it started, and waits until they are gone.
   */
  private int capacity() {
    List<String> started = new ArrayList<>();
    for (Answer created = http.post(uri("paraview/"), "{\"application\": \"steady\"}");
        created.status() == 200;
        created = http.post(uri("paraview/"), "{\"application\": \"steady\"}")) {
      started.add(created.json().getString("id"));
      assertTrue(started.size() <= POOL, "more sessions than pool ports");
    }
    for (String id : started) {
      assertEquals(200, http.delete(uri("paraview/" + id)).status(), id);
    }
    return started.size();
  }

  /** Waits (bounded) until each adopted session's log has grown past its size at adoption. */
  private void assertLogsGrow(Map<String, Long> adopted) {
    for (Map.Entry<String, Long> session : adopted.entrySet()) {
      Path log = logOf(session.getKey());
      Waits.until(
          "the log of adopted " + session.getKey() + " to grow past " + session.getValue(),
          AT_END,
          () -> Files.size(log) > session.getValue());
    }
  }

  private void runCycles(int life, AtomicInteger cycles, AtomicInteger failures) throws Exception {
    int end = CYCLES * (life + 1) / LIFETIMES;
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        work.add(
            clients.submit(
                () -> {
                  int n;
                  while ((n = cycles.getAndIncrement()) < end) {
                    if (!cycle(n)) {
                      failures.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : work) {
        future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      clients.shutdownNow();
    }
    cycles.set(end);
  }

  /** One create/end cycle of a kind chosen by {@code n}; true when it behaved as it should. */
  private boolean cycle(int n) {
    if (n % 50 == 9) {
      hanging.incrementAndGet();
      int status = http.post(uri("paraview/"), "{\"application\": \"hangsInCreate\"}").status();
      return status == 503;
    }
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
      hangUp(app);
      return true; // the checks at the end tell whether its session was ended
    }
    Answer created = http.post(uri("paraview/"), "{\"application\": \"" + app + "\"}");
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
      return awaitEnded(id);
    }
    if (n % 10 == 3) {
      killFromOutside(logOf(id));
      return awaitEnded(id);
    }
    return http.delete(uri("paraview/" + id)).status() == 200;
  }

  private URI uri(String path) {
    return launcher.base().resolve(path);
  }

  private Path logOf(String id) {
    return json.logDir().resolve(id + ".txt");
  }

  /** Sends a blocking launch and closes the connection without waiting for the answer. */
  private void hangUp(String app) {
    try {
      launch(app).close();
      hungUp.incrementAndGet();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a blocking launch on a connection of its own, left open, its answer unread. */
  private Socket launch(String app) throws IOException {
    String body = "{\"application\": \"" + app + "\"}";
    Socket socket = new Socket("127.0.0.1", launcher.base().getPort());
    try {
      socket
          .getOutputStream()
          .write(
              ("POST /paraview/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + "Content-Type: application/json\r\nContent-Length: "
                      + body.length()
                      + "\r\n\r\n"
                      + body)
                  .getBytes(StandardCharsets.US_ASCII));
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
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

  private boolean awaitEnded(String id) {
    return Waits.holdsWithin(
        Duration.ofSeconds(20),
        () -> {
          Answer shown = http.get(uri("paraview/" + id));
          return shown.status() == 200 && shown.json().getString("state").equals("ended");
        });
  }

  private static List<String> sh(String script) {
    return List.of("/bin/sh", "-c", script);
  }

  /** The first port of {@link #POOL} free ports in this test's range, 47000-47999. */
  private static int poolStart() {
    for (int first = 47000; first + POOL <= 48000; first += POOL) {
      int candidate = first;
      if (java.util.stream.IntStream.range(candidate, candidate + POOL)
          .allMatch(FreePorts::isFree)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no " + POOL + " free ports in 47000-47999");
  }

  /**
   * The pool's ports something listens on, from {@code /proc/net/tcp} and {@code tcp6}: listeners
   * only, since the pool lies in the ephemeral range, where other programs' outgoing connections
   * may hold a port for a moment.
   */
  private static List<Integer> heldPorts(int first) throws IOException {
    List<Integer> held = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> sockets = Files.readAllLines(Path.of(table));
      for (String line : sockets.subList(1, sockets.size())) {
        String[] fields = line.trim().split("\\s+");
        String local = fields[1];
        int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
        if (fields[3].equals("0A") && port >= first && port < first + POOL) {
          held.add(port);
        }
      }
    }
    return held;
  }

  /**
   * The files under {@code dataDir}. Taken while the launcher may still write (a record's temporary
   * file is renamed away during the walk, which then fails on it), so a walk that meets a vanished
   * file is taken again, a few times at most.
   */
  private static List<Path> records(Path dataDir) throws IOException {
    for (int attempt = 1; ; attempt++) {
      if (!Files.isDirectory(dataDir)) {
        return List.of();
      }
      try (Stream<Path> files = Files.walk(dataDir)) {
        return files.filter(Files::isRegularFile).toList();
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof NoSuchFileException) || attempt == 10) {
          throw e;
        }
      }
    }
  }

  private static int descriptors(long pid) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return (int) fds.count();
    }
  }

  /** The command lines of {@link #processesWith}, for a failure's message. */
  private static List<String> commandLinesWith(String... texts) {
    try {
      return processesWith(texts).stream()
          .map(pid -> pid + " " + ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()))
          .toList();
    } catch (IOException e) {
      return List.of(e.toString());
    }
  }

  /** Pids of the processes (not this JVM's) whose command line holds any of {@code texts}. */
  private static List<Long> processesWith(String... texts) throws IOException {
    long self = ProcessHandle.current().pid();
    List<Long> found = new ArrayList<>();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        try {
          long pid = Long.parseLong(process.getFileName().toString());
          String cmdline = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
          if (pid != self && Stream.of(texts).anyMatch(cmdline::contains)) {
            found.add(pid);
          }
        } catch (IOException | RuntimeException e) {
          // The process ended while we looked.
        }
      }
    }
    return found;
  }
}
