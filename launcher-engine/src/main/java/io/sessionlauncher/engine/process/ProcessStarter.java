package io.sessionlauncher.engine.process;

import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.model.SessionStartException.Reason;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts session processes: argv as given (no shell), output merged into the session log and
 * watched for the ready line, or the port watched when there is no ready line.
 */
public class ProcessStarter {
  private static final long PORT_PROBE_INTERVAL_NANOS = 20_000_000L;
  private static final int CONNECT_TIMEOUT_MILLIS = 200;

  private final Executor tasks;

  /**
   * @param tasks runs the output pump (as long as the process) and the port probe
   */
  public ProcessStarter(Executor tasks) {
    this.tasks = tasks;
  }

  /**
   * Starts the process and its output pump.
   *
   * @throws SessionStartException with reason {@code CANNOT_START} naming the program and folder
   *     when the operating system refuses to start it; nothing is left running then
   */
  public SessionProcess start(LaunchSpec spec) {
    requireProgram(spec);
    ProcessBuilder builder =
        new ProcessBuilder(ProcessGroup.leading(spec.argv())).redirectErrorStream(true);
    if (spec.workingDir() != null) {
      builder.directory(spec.workingDir().toFile());
    }
    builder.environment().putAll(spec.environment());
    Process process;
    try {
      if (spec.logFile() != null) {
        Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
      }
      process = builder.start();
    } catch (IOException | RuntimeException e) {
      throw new SessionStartException(
          Reason.CANNOT_START,
          "Cannot start program '"
              + spec.argv().get(0)
              + "'"
              + (spec.workingDir() == null ? "" : " in folder '" + spec.workingDir() + "'")
              + ": "
              + e.getMessage(),
          e);
    }
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // A process that closed its input already is no concern of ours.
    }
    CompletableFuture<Void> ready = new CompletableFuture<>();
    OutputPump pump =
        new OutputPump(
            process.getInputStream(), spec.logFile(), spec.readyLine(), spec.maxLogBytes(), ready);
    tasks.execute(pump);
    if (spec.readyLine() == null && spec.resource() != null) {
      tasks.execute(() -> awaitPort(spec.resource(), process, ready));
    }
    return new SessionProcess(process, spec, ready, pump);
  }

  /**
   * Checks the program exists and is executable before starting, so that the message names it
   * rather than reporting the exit of the {@code setsid} that would have run it.
   */
  private static void requireProgram(LaunchSpec spec) {
    String program = spec.argv().get(0);
    Path found = null;
    if (program.contains("/")) {
      Path path = Path.of(program);
      if (!path.isAbsolute() && spec.workingDir() != null) {
        path = spec.workingDir().resolve(path);
      }
      found = Files.isExecutable(path) && !Files.isDirectory(path) ? path : null;
    } else {
      String searchPath = spec.environment().getOrDefault("PATH", System.getenv("PATH"));
      for (String dir : (searchPath == null ? "" : searchPath).split(":")) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
        if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
          found = candidate;
          break;
        }
      }
    }
    if (found == null) {
      throw new SessionStartException(
          Reason.CANNOT_START,
          "Cannot start program '"
              + program
              + "'"
              + (spec.workingDir() == null ? "" : " in folder '" + spec.workingDir() + "'")
              + ": not found or not executable");
    }
    if (spec.workingDir() != null && !Files.isDirectory(spec.workingDir())) {
      throw new SessionStartException(
          Reason.CANNOT_START,
          "Cannot start program '" + program + "': folder '" + spec.workingDir() + "' not found");
    }
  }

  /** Ready is the first moment the port accepts a connection, while the process lives. */
  private static void awaitPort(HostPort resource, Process process, CompletableFuture<Void> ready) {
    String host = resource.host().equals("0.0.0.0") ? "127.0.0.1" : resource.host();
    InetSocketAddress address = new InetSocketAddress(host, resource.port());
    while (process.isAlive() && !ready.isDone()) {
      try (Socket socket = new Socket()) {
        socket.connect(address, CONNECT_TIMEOUT_MILLIS);
        ready.complete(null);
        return;
      } catch (IOException e) {
        LockSupport.parkNanos(PORT_PROBE_INTERVAL_NANOS);
      }
    }
  }
}
