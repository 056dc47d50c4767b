package io.sessionlauncher.payaraserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Payara Server domain the build created, started and deployed the WAR on (see this module's
 * pom): its addresses, its files, and {@code asadmin} run against it.
 */
final class PayaraServer {
  private static final Duration ASADMIN_LIMIT = Duration.ofMinutes(2);

  private PayaraServer() {}

  /** The launcher's root on the domain's loopback HTTP listener. */
  static URI root() {
    return URI.create("http://127.0.0.1:" + property("ps.http.port") + "/");
  }

  /** The admin console (and REST admin) of the domain. */
  static URI adminConsole() {
    return URI.create("http://127.0.0.1:" + property("ps.admin.port") + "/");
  }

  /** The application name it was deployed under. */
  static String application() {
    return property("ps.app");
  }

  /** The proxy mapping file the deployment's {@code launcher.json} names. */
  static Path proxyFile() {
    return Path.of(property("ps.dir"), "proxy", "proxy-mapping.txt");
  }

  /** Where screenshots and browser logs go. */
  static Path workDir() {
    return Path.of(property("ps.dir"), "test-output");
  }

  /**
   * Waits until the launcher answers its list of sessions, failing with the server log's path if it
   * does not (the build goes on to the tests even when start-domain or deploy failed, so that the
   * domain is still stopped).
   */
  static Http launcher() {
    Http http = new Http(root());
    Waits.until(
        "the launcher answering GET "
            + root()
            + "paraview/ on Payara Server (see the build log and "
            + property("ps.server.log")
            + ")",
        Duration.ofMinutes(2),
        () -> answers(http));
    return http;
  }

  private static boolean answers(Http http) {
    try {
      return http.get("paraview/").status() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A demo session the launcher started: its id, port and process. */
  record Launched(String id, int port, ProcessHandle process) {}

  /** Launches a demo session, whose process must then be running. */
  static Launched launchDemo(Http http) {
    Http.Answer created = http.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    int port = URI.create(created.json().getString("sessionURL")).getPort();
    ProcessHandle process =
        sessionOnPort(port)
            .orElseThrow(() -> new AssertionError("no session process listens on port " + port));
    return new Launched(created.json().getString("id"), port, process);
  }

  /**
   * Ends what a test left running: through the launcher where it still answers (so its proxy line
   * goes too), then the process itself.
   */
  static void end(Http http, List<Launched> sessions) {
    for (Launched session : sessions) {
      if (session.process().isAlive()) {
        try {
          var unused = http.delete("paraview/" + session.id());
        } catch (RuntimeException e) {
          // The launcher is gone; the process is ended below all the same.
        }
        session.process().destroyForcibly();
      }
    }
  }

  /** The live demo session process started for {@code port}, found by its command line. */
  static Optional<ProcessHandle> sessionOnPort(int port) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains("--port " + port))
        .findFirst();
  }

  /** Runs {@code asadmin --port <admin> <args>} and returns its output; fails unless it exits 0. */
  static String asadmin(String... args) {
    List<String> command = new ArrayList<>();
    command.add(property("ps.asadmin"));
    command.add("--port");
    command.add(property("ps.admin.port"));
    command.addAll(List.of(args));
    try {
      Path output = Files.createTempFile("asadmin-", ".txt");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(ASADMIN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(command + " did not end within " + ASADMIN_LIMIT);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), command + ": " + text);
        return text;
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          "system property " + name + " is not set (run through Maven with -Ppayara-server)");
    }
    return value;
  }
}
