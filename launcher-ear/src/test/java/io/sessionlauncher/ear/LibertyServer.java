package io.sessionlauncher.ear;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Open Liberty server the build started for the integration tests, and its files. */
final class LibertyServer {
  private LibertyServer() {}

  static URI base() {
    return URI.create("http://127.0.0.1:" + System.getProperty("liberty.http.port", "9080") + "/");
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
