package io.sessionlauncher.engine.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the merged output of a process that has no log file (a product run from plain Java),
 * watches it for the ready line, and keeps the last few kilobytes for error messages; the rest is
 * dropped. Runs until the output closes. A process with a log file writes it itself and needs no
 * pump (see {@link ReadyLineWatch}).
 */
final class OutputPump implements Runnable {
  private static final Logger LOG = Logger.getLogger(OutputPump.class.getName());
  private static final int TAIL_BYTES = 2048;

  /** Small: one pump lives per session, and the pipe's own stream is buffered already. */
  private static final int READ_BYTES = 2048;

  private final InputStream output;
  private final StreamMatcher matcher;
  private final CompletableFuture<Void> ready;
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private final byte[] tail = new byte[TAIL_BYTES];
  private long total;

  /**
   * @param readyLine text meaning ready
   * @param ready completed when the ready line has been seen
   */
  OutputPump(InputStream output, String readyLine, CompletableFuture<Void> ready) {
    this.output = output;
    this.matcher = new StreamMatcher(readyLine.getBytes(StandardCharsets.UTF_8));
    this.ready = ready;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[READ_BYTES];
    try (InputStream in = output) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        remember(buffer, read);
        if (!ready.isDone() && matcher.feed(buffer, 0, read)) {
          ready.complete(null);
        }
      }
    } catch (IOException e) {
      // The process's pipe closes under us when its tree is killed; that is an end, not a fault.
      LOG.log(Level.FINE, "output closed", e);
    } finally {
      finished.complete(null);
    }
  }

  private synchronized void remember(byte[] buffer, int length) {
    int keep = Math.min(length, TAIL_BYTES);
    int shift = (int) Math.min(total, TAIL_BYTES - keep);
    System.arraycopy(tail, TAIL_BYTES - shift, tail, TAIL_BYTES - shift - keep, shift);
    System.arraycopy(buffer, length - keep, tail, TAIL_BYTES - keep, keep);
    total += length;
  }

  /** Completed once the output has closed and the log is written. */
  CompletableFuture<Void> finished() {
    return finished;
  }

  /** The last lines of output, at most a few kilobytes, for operators' messages. */
  synchronized String tail() {
    int size = (int) Math.min(total, TAIL_BYTES);
    return new String(tail, TAIL_BYTES - size, size, StandardCharsets.UTF_8);
  }
}
