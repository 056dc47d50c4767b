package io.sessionlauncher.engine.process;

import io.sessionlauncher.model.SessionStartException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A started session process: its handle, readiness, end, and output. */
public final class SessionProcess {
  private static final int TAIL_BYTES = 2048;

  private final Process process;
  private final LaunchSpec spec;
  private final CompletableFuture<Void> ready;
  private final CompletableFuture<Integer> exit;
  private final Supplier<String> tail;
  private final CompletableFuture<Void> outputClosed;

  private SessionProcess(
      Process process,
      LaunchSpec spec,
      CompletableFuture<Void> ready,
      CompletableFuture<Integer> exit,
      Supplier<String> tail,
      CompletableFuture<Void> outputClosed) {
    this.process = process;
    this.spec = spec;
    this.ready = ready;
    this.exit = exit;
    this.tail = tail;
    this.outputClosed = outputClosed;
  }

  /** A process that writes its output to the spec's log file itself, or discards it: no pipe. */
  static SessionProcess withoutPipe(
      Process process, LaunchSpec spec, CompletableFuture<Void> ready) {
    CompletableFuture<Integer> exit = exitOf(process);
    Supplier<String> tail =
        spec.logFile() == null ? () -> "" : () -> LogTail.read(spec.logFile(), TAIL_BYTES);
    return new SessionProcess(process, spec, ready, exit, tail, exit.thenApply(code -> null));
  }

  /** A process whose output is read from a pipe by {@code pump}. */
  static SessionProcess pumped(
      Process process, LaunchSpec spec, CompletableFuture<Void> ready, OutputPump pump) {
    return new SessionProcess(process, spec, ready, exitOf(process), pump::tail, pump.finished());
  }

  /**
   * One future for the process's whole life: every call of Process.onExit() chains another stage,
   * and on a small machine each of those completes on a thread of its own.
   */
  private static CompletableFuture<Integer> exitOf(Process process) {
    return process.onExit().thenApply(Process::exitValue);
  }

  public long pid() {
    return process.pid();
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  public LaunchSpec spec() {
    return spec;
  }

  /** Completes with the exit code once the process has ended. */
  public CompletableFuture<Integer> onExit() {
    return exit;
  }

  /**
   * Waits until the process is ready.
   *
   * @throws SessionStartException when it ends first, or the timeout passes; the caller stops it
   */
  public void awaitReady(Duration timeout) {
    Readiness.awaitSignal(ready, exit, timeout);
  }

  /** Whether readiness has been seen. */
  public boolean isReady() {
    return ready.isDone() && !ready.isCompletedExceptionally();
  }

  /** Stops the process tree: SIGTERM, then SIGKILL after the spec's grace period. */
  public boolean stop() {
    return stop(spec.stopGrace());
  }

  /**
   * Stops the process tree, with every process carrying the spec's marker: SIGTERM, then SIGKILL
   * after {@code grace}.
   */
  public boolean stop(Duration grace) {
    return ProcessTree.stop(process.toHandle(), grace, spec.marker());
  }

  /** Completes when the ready line is seen (or the port accepts connections). */
  public CompletableFuture<Void> ready() {
    return ready;
  }

  /** The last lines of output, at most a few kilobytes, for the operator's log. */
  public String outputTail() {
    return tail.get();
  }

  /** Completed when the process has ended and its output is fully written. */
  public CompletableFuture<Void> outputClosed() {
    return outputClosed;
  }
}
