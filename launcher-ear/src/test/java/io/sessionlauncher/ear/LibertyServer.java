package io.sessionlauncher.ear;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Open Liberty server the build started for the integration tests, and its files. */
final class LibertyServer {
  private LibertyServer() {}

  static URI base() {
    return URI.create("http://127.0.0.1:" + System.getProperty("liberty.http.port", "9080") + "/");
  }

  /**
   * Waits until the launcher answers again after a server start: its own JSON 404 for an unknown
   * session, where the server answers HTML while the application is down.
   */
  static void awaitLauncher() {
    Http http = new Http(base());
    Waits.until(
        "the launcher answering again after the server start",
        Duration.ofMinutes(2),
        Duration.ofMillis(200),
        () -> {
          try {
            Http.Answer probe = http.get("paraview/3b241101-e2bb-4255-8caf-4136c566a962");
            return probe.status() == 404
                && String.valueOf(probe.contentType()).startsWith("application/json");
          } catch (UncheckedIOException e) {
            return false; // not listening yet
          }
        });
  }

  static Path serverDir() {
    return Path.of(required("liberty.server.dir"));
  }

  static Path proxyFile() {
    return serverDir().resolve("proxy/proxy-mapping.txt");
  }

  static String messagesLog() throws IOException {
    return Files.readString(serverDir().resolve("logs/messages.log"), StandardCharsets.UTF_8);
  }

  /** Runs {@code wlp/bin/server <action> <name>} and returns its exit code. */
  static int server(String action) throws IOException, InterruptedException {
    Path script = Path.of(required("liberty.wlp.dir"), "bin", "server");
    Process process =
        new ProcessBuilder(List.of(script.toString(), action, required("liberty.server.name")))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("server " + action + " did not finish in 180 s");
    }
    return process.exitValue();
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          "system property " + name + " is not set (run through Maven)");
    }
    return value;
  }
}
