package io.sessionlauncher.engine.process;

import io.sessionlauncher.model.SessionStartException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A started session process: its handle, readiness, end, and output. */
public final class SessionProcess {
  private final Process process;
  private final LaunchSpec spec;
  private final CompletableFuture<Void> ready;
  private final OutputPump pump;
  private final CompletableFuture<Integer> exit;

  SessionProcess(Process process, LaunchSpec spec, CompletableFuture<Void> ready, OutputPump pump) {
    this.process = process;
    this.spec = spec;
    this.ready = ready;
    this.pump = pump;
    // One future for the process's whole life: every call of Process.onExit() chains another
    // stage, and on a small machine each of those completes on a thread of its own.
    this.exit = process.onExit().thenApply(Process::exitValue);
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

  /** Stops the process tree: SIGTERM, then SIGKILL after {@code grace}. */
  public boolean stop(Duration grace) {
    return ProcessTree.stop(process.toHandle(), grace);
  }

  /** Completes when the ready line is seen (or the port accepts connections). */
  public CompletableFuture<Void> ready() {
    return ready;
  }

  /** The last lines of output, for the operator's log. */
  public String outputTail() {
    return pump.tail();
  }

  /** Completed when the output is closed and fully logged. */
  public CompletableFuture<Void> outputClosed() {
    return pump.finished();
  }
}
