package io.sessionlauncher.engine.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches a session log, which the session's process writes itself, for the ready line. It reads
 * what was appended since its last look, often at first (a quick program is seen ready within a
 * fraction of a millisecond) and less often the longer the start takes, and ends as soon as the
 * line is seen or the process has exited: no thread is kept for the session's life.
 */
final class ReadyLineWatch implements Runnable {
  private static final Logger LOG = Logger.getLogger(ReadyLineWatch.class.getName());
  private static final long MIN_PAUSE_NANOS = 50_000L;
  private static final long MAX_PAUSE_NANOS = 5_000_000L;
  private static final int READ_BYTES = 4096;

  private final Path log;
  private final StreamMatcher matcher;
  private final ProcessHandle process;
  private final CompletableFuture<Void> ready;

  ReadyLineWatch(Path log, String readyLine, ProcessHandle process, CompletableFuture<Void> ready) {
    this.log = log;
    this.matcher = new StreamMatcher(readyLine.getBytes(StandardCharsets.UTF_8));
    this.process = process;
    this.ready = ready;
  }

  @Override
  public void run() {
    long begin = System.nanoTime();
    byte[] bytes = new byte[READ_BYTES];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
      long position = 0;
      while (!ready.isDone()) {
        boolean alive = process.isAlive();
        position = readFrom(channel, position, buffer, bytes);
        if (ready.isDone() || !alive) {
          return;
        }
        long pause = Math.max(MIN_PAUSE_NANOS, (System.nanoTime() - begin) / 16);
        LockSupport.parkNanos(Math.min(pause, MAX_PAUSE_NANOS));
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot watch the session log " + log + " for its ready line", e);
    }
  }

  /** Feeds what was appended since {@code position} to the matcher; returns the new position. */
  private long readFrom(FileChannel channel, long position, ByteBuffer buffer, byte[] bytes)
      throws IOException {
    if (channel.size() < position) {
      // Cut back by the log's size cap: what was dropped had been read already.
      position = channel.size();
    }
    while (true) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read <= 0) {
        return position;
      }
      position += read;
      if (matcher.feed(bytes, 0, read)) {
        ready.complete(null);
        return position;
      }
    }
  }
}
