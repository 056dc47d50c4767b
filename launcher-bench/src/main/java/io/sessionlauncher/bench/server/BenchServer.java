package io.sessionlauncher.bench.server;

import io.sessionlauncher.bench.BenchmarkException;
import io.sessionlauncher.bench.http.HttpConnection;
import io.sessionlauncher.bench.http.HttpReply;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's own Open Liberty server (created by the build's bench profile): started and
 * stopped with {@code wlp/bin/server}, and found by its process id for memory and descriptor
 * readings.
 */
public final class BenchServer implements AutoCloseable {
  private static final Duration COMMAND_LIMIT = Duration.ofMinutes(3);
  private static final Duration APP_LIMIT = Duration.ofMinutes(2);
  // A well-formed id no session has: the launcher answers it with its own JSON 404.
  private static final String NO_SUCH_SESSION = "00000000-0000-4000-8000-000000000000";

  private final Path wlp;
  private final String name;
  private final URI base;
  private final String endpoint;
  private boolean started;

  /**
   * @param wlp the Liberty installation ({@code target/liberty/wlp})
   * @param name the server's name
   * @param base the server's HTTP root
   * @param endpoint the launcher's endpoint, to tell when the application answers
   */
  public BenchServer(Path wlp, String name, URI base, String endpoint) {
    this.wlp = wlp;
    this.name = name;
    this.base = base;
    this.endpoint = endpoint;
  }

  /** The server's folder: its launcher.json, proxy file, session logs and apps. */
  public Path serverDir() {
    return wlp.resolve("usr").resolve("servers").resolve(name);
  }

  public Path wlp() {
    return wlp;
  }

  /**
   * Starts the server (stopping one left running by an aborted run first) and returns once the
   * launcher application answers.
   */
  public void start() {
    if (!Files.isDirectory(serverDir())) {
      throw new BenchmarkException(
          "no server at " + serverDir() + ": build it first with the bench profile (bench.sh)");
    }
    if (command("status") == 0) {
      command("stop");
    }
    int code = command("start");
    if (code != 0) {
      throw new BenchmarkException(
          "server start " + name + " exited with " + code + "; see " + messagesLog());
    }
    started = true;
    awaitLauncher();
  }

  /** The server JVM's process id, from the file Liberty writes for {@code server stop}. */
  public long pid() {
    Path pidFile = wlp.resolve("usr").resolve("servers").resolve(".pid").resolve(name + ".pid");
    try {
      return Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
    } catch (IOException | NumberFormatException e) {
      return ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().orElse("").contains("ws-server.jar " + name))
          .mapToLong(ProcessHandle::pid)
          .findFirst()
          .orElseThrow(() -> new BenchmarkException("cannot find the JVM of server " + name));
    }
  }

  public Path messagesLog() {
    return serverDir().resolve("logs").resolve("messages.log");
  }

  private void awaitLauncher() {
    long deadline = System.nanoTime() + APP_LIMIT.toNanos();
    String path = "/" + endpoint + "/" + NO_SUCH_SESSION;
    try (HttpConnection connection =
        new HttpConnection(new InetSocketAddress(base.getHost(), base.getPort()))) {
      while (System.nanoTime() < deadline) {
        try {
          HttpReply reply = connection.send("GET", path, null);
          // Liberty answers 404 in HTML until the application is up; the launcher in JSON.
          if (reply.status() == 404 && reply.body().contains("\"error\"")) {
            return;
          }
        } catch (IOException e) {
          connection.disconnect();
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
      }
    }
    throw new BenchmarkException(
        "the launcher did not answer at "
            + base
            + " within "
            + APP_LIMIT
            + "; see "
            + messagesLog());
  }

  private int command(String action) {
    Path script = wlp.resolve("bin").resolve("server");
    try {
      Process process =
          new ProcessBuilder(List.of(script.toString(), action, name))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new BenchmarkException("server " + action + " did not finish in " + COMMAND_LIMIT);
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new BenchmarkException("cannot run " + script + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException("interrupted during server " + action, e);
    }
  }

  /** Stops the server if this object started it; its sessions are stopped with it. */
  @Override
  public void close() {
    if (started) {
      started = false;
      command("stop");
    }
  }
}
