package io.sessionlauncher.e2e;

import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Payara Micro running the self-contained WAR ({@code session-launcher.war}) as a child process, as
 * README "Deploy on Payara Micro" shows it: {@code java -jar payara-micro.jar --deploy ... --port
 * ...}, its settings in the environment (MicroProfile Config). It runs in a folder of its own that
 * holds the {@code launcher.json}, so the launcher's proxy file and logs are found there; its
 * output goes to {@code payara-micro.log} in that folder.
 *
 * <p>Closing sends SIGTERM (Payara Micro stops the application, and the application its sessions),
 * then ends whatever is left. A Payara Micro of an earlier run on the same folder that was killed
 * is ended before a new one starts.
 */
final class PayaraMicro implements AutoCloseable {
  /** The first start unpacks Payara Micro's runtime; two cores are shared with the build. */
  private static final Duration START_LIMIT = Duration.ofMinutes(4);

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Process process;
  private final Thread shutdownHook;
  private final Path dir;
  private final Duration startTime;

  private PayaraMicro(Process process, Thread shutdownHook, Path dir, Duration startTime) {
    this.process = process;
    this.shutdownHook = shutdownHook;
    this.dir = dir;
    this.startTime = startTime;
  }

  /**
   * Starts Payara Micro in {@code dir} with the WAR at the root context on {@code port}, bound as
   * {@code preboot} (an asadmin command file) says, with {@code environment} added to this JVM's,
   * and waits until the launcher answers on loopback.
   *
   * @param javaOptions options of Payara Micro's JVM, before {@code -jar}
   */
  static PayaraMicro start(
      Path dir,
      Path payaraJar,
      Path war,
      int port,
      Path preboot,
      List<String> javaOptions,
      Map<String, String> environment) {
    Path log = dir.resolve("payara-micro.log");
    List<ProcessHandle> left = Processes.end(leftovers(dir), STOP_GRACE);
    if (!left.isEmpty()) {
      throw new IllegalStateException("a Payara Micro of an earlier run would not end: " + left);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Marks the process as this folder's, for leftovers().
    command.add("-Dsession.launcher.e2e.dir=" + dir);
    command.addAll(javaOptions);
    command.addAll(
        List.of(
            "-jar",
            payaraJar.toString(),
            "--deploy",
            war.toString(),
            "--contextroot",
            "/",
            "--port",
            Integer.toString(port),
            "--nocluster",
            "--prebootcommandfile",
            preboot.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    URI probe = URI.create("http://127.0.0.1:" + port + "/paraview/");
    HttpClient client =
        HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Payara Micro: " + command, e);
    }
    Thread shutdownHook = new Thread(() -> end(process), "payara-micro-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      Waits.until(
          () -> "the launcher to answer at " + probe + tail(log),
          START_LIMIT,
          Duration.ofMillis(250),
          () -> {
            if (!process.isAlive()) {
              throw new AssertionError(
                  "Payara Micro ended with exit code " + process.exitValue() + tail(log));
            }
            return deployed(client, probe);
          });
    } catch (RuntimeException | Error e) {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
      end(process);
      throw e;
    }
    return new PayaraMicro(
        process, shutdownHook, dir, Duration.ofNanos(System.nanoTime() - started));
  }

  /** How long Payara Micro took from its start to the launcher's first answer. */
  Duration startTime() {
    return startTime;
  }

  /** Payara Micro's output so far. */
  String log() {
    try {
      return Files.readString(dir.resolve("payara-micro.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    Runtime.getRuntime().removeShutdownHook(shutdownHook);
    List<ProcessHandle> left = end(process);
    if (!left.isEmpty()) {
      throw new IllegalStateException("Payara Micro would not end: " + left);
    }
  }

  /**
   * The launcher's endpoint answers with the launcher's JSON (any status: with sign-on, a 401);
   * while the WAR is still deploying Payara answers 404 with its own page.
   */
  private static boolean deployed(HttpClient client, URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
    try {
      HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() != 404
          && answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
    } catch (IOException e) {
      return false; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Payara Micro", e);
    }
  }

  private static List<ProcessHandle> end(Process process) {
    return Processes.end(List.of(process.toHandle()), STOP_GRACE);
  }

  private static List<ProcessHandle> leftovers(Path dir) {
    return Processes.withCommandLine("-Dsession.launcher.e2e.dir=" + dir + " ");
  }

  /** The end of Payara Micro's output, for a failure message. */
  private static String tail(Path log) {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      List<String> all = lines.toList();
      return "\n--- last lines of "
          + log
          + " ---\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return " (no log: " + e + ")";
    }
  }
}
