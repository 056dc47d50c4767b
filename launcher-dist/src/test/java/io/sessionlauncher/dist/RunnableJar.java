package io.sessionlauncher.dist;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar session-launcher.jar} as an operator starts it: a child process of its own,
 * extracting into a folder of the test's, on the test's ports. {@link #close()} stops it with
 * SIGTERM and, should that not end it, kills it and whatever it started.
 */
final class RunnableJar implements AutoCloseable {
  private static final Duration START_LIMIT = Duration.ofMinutes(3);

  private final Process process;
  private final Path output;
  private final URI base;

  private RunnableJar(Process process, Path output, URI base) {
    this.process = process;
    this.output = output;
    this.base = base;
  }

  /**
   * Starts the jar with this JVM's environment less {@code LAUNCHER_CONFIG}, plus {@code env}, and
   * waits until the launcher answers.
   */
  static RunnableJar start(Path workDir, Map<String, String> env) throws IOException {
    Files.createDirectories(workDir);
    Path output = workDir.resolve("server-output.txt");
    int httpPort = Integer.parseInt(required("dist.it.http.port"));
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    required("dist.jar")))
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    Map<String, String> environment = builder.environment();
    // Where the jar unpacks its server (by default a temporary folder of its own).
    environment.put("WLP_JAR_EXTRACT_DIR", workDir.resolve("extract").toString());
    // server.xml's http.port / https.port variables, as an operator sets them.
    environment.put("http_port", String.valueOf(httpPort));
    environment.put("https_port", required("dist.it.https.port"));
    environment.remove("LAUNCHER_CONFIG");
    environment.putAll(env);
    RunnableJar jar =
        new RunnableJar(builder.start(), output, URI.create("http://127.0.0.1:" + httpPort + "/"));
    try {
      jar.awaitLauncher();
    } catch (RuntimeException | AssertionError e) {
      jar.close();
      throw e;
    }
    return jar;
  }

  URI base() {
    return base;
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** What the server printed so far. */
  String output() throws IOException {
    return Files.readString(output);
  }

  /** SIGTERM, as systemd or Ctrl-C sends; waits for the JVM to end and returns its exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("java -jar session-launcher.jar still runs after SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    if (!Waits.holdsWithin(START_LIMIT, () -> !process.isAlive())) {
      process.destroyForcibly();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /**
   * The launcher's own JSON 404 for an unknown session: the server answers HTML (or nothing) while
   * the application is not up yet.
   */
  private void awaitLauncher() {
    Http http = new Http(base);
    Waits.until(
        () -> "the launcher in the runnable jar answering; it printed:\n" + outputOrNothing(),
        START_LIMIT,
        Duration.ofMillis(200),
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError(
                "java -jar ended with " + process.exitValue() + ":\n" + outputOrNothing());
          }
          try {
            Http.Answer probe = http.get("paraview/3b241101-e2bb-4255-8caf-4136c566a962");
            return probe.status() == 404
                && String.valueOf(probe.contentType()).startsWith("application/json");
          } catch (UncheckedIOException e) {
            return false; // not listening yet
          }
        });
  }

  private String outputOrNothing() {
    try {
      return output();
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  static String required(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          "system property " + name + " is not set (run through Maven)");
    }
    return value;
  }
}
