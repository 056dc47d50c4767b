package io.sessionlauncher.engine.process;

import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.model.SessionStartException.Reason;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts session processes: argv as given (no shell), standard output and error written by the
 * process straight into the session log, which is watched for the ready line until it appears; or
 * the port watched when there is no ready line.
 */
public class ProcessStarter {
  private static final long PORT_PROBE_INTERVAL_NANOS = 20_000_000L;
  private static final int CONNECT_TIMEOUT_MILLIS = 200;
  private static final File NO_INPUT = new File("/dev/null");

  private final Executor tasks;

  /**
   * @param tasks runs the readiness watch (as long as the start) and the port probe
   */
  public ProcessStarter(Executor tasks) {
    this.tasks = tasks;
  }

  /**
   * Starts the process and the watch of its readiness.
   *
   * @throws SessionStartException with reason {@code CANNOT_START} naming the program and folder
   *     when the operating system refuses to start it; nothing is left running then
   */
  public SessionProcess start(LaunchSpec spec) {
    requireProgram(spec);
    ProcessBuilder builder =
        new ProcessBuilder(
                SessionCgroups.entering(spec.marker(), ProcessGroup.leading(spec.argv())))
            .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT));
    if (spec.logFile() != null) {
      // The process writes its log itself: no pipe, and no thread of ours for its whole life.
      // Both streams append to the file on their own descriptors: with redirectErrorStream the
      // JDK keeps an unused pipe open in the launcher for every process until it is collected.
      ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(spec.logFile().toFile());
      builder.redirectOutput(log).redirectError(log);
    } else if (spec.readyLine() == null) {
      builder
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD);
    } else {
      builder.redirectErrorStream(true);
    }
    if (spec.workingDir() != null) {
      builder.directory(spec.workingDir().toFile());
    }
    if (spec.inherited() != null) {
      // The server's environment may hold credentials: only what the app names is passed on.
      builder.environment().keySet().retainAll(spec.inherited());
    }
    builder.environment().putAll(spec.environment());
    if (spec.marker() != null) {
      builder.environment().put(SessionMarker.VARIABLE, spec.marker().value());
    }
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
    CompletableFuture<Void> ready = new CompletableFuture<>();
    SessionProcess started;
    if (spec.logFile() != null) {
      started = SessionProcess.withoutPipe(process, spec, ready);
      if (spec.readyLine() != null) {
        tasks.execute(
            new ReadyLineWatch(spec.logFile(), spec.readyLine(), process.toHandle(), ready));
      }
    } else if (spec.readyLine() != null) {
      // Without a log there is no file to watch: the output is read from a pipe and dropped.
      OutputPump pump = new OutputPump(process.getInputStream(), spec.readyLine(), ready);
      tasks.execute(pump);
      started = SessionProcess.pumped(process, spec, ready, pump);
    } else {
      started = SessionProcess.withoutPipe(process, spec, ready);
    }
    if (spec.readyLine() == null && spec.resource() != null) {
      tasks.execute(() -> awaitPort(spec.resource(), process, ready));
    }
    return started;
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
      for (String dir : (searchPath == null ? "" : searchPath).split(":", -1)) {
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
