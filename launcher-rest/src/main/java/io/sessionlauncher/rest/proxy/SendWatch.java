package io.sessionlauncher.rest.proxy;

import java.time.Duration;

/**
 * The blocking send under way in one direction of a proxied WebSocket, so that a peer that stops
 * reading cannot hold the sending thread for ever: the Jakarta API bounds no blocking send. A send
 * found overdue has its thread interrupted (Tyrus waits on a future, which an interrupt ends); the
 * interrupt is cleared when the send returns, so the container's thread goes back to its pool
 * clean.
 */
final class SendWatch {
  /**
   * The slowest a side may take a large part: a part of {@code n} bytes may take a second per 64
   * KiB beyond the limit, so a big message to a browser on a slow link is not taken for a stall.
   */
  static final long SLOWEST_BYTES_PER_SECOND = 64 * 1024;

  private Thread sender;
  private long since;
  private long extraNanos;
  private boolean interrupted;

  /** Marks the calling thread as sending {@code bytes}, from now. */
  synchronized void begin(long now, long bytes) {
    sender = Thread.currentThread();
    since = now;
    extraNanos = bytes * 1_000_000_000L / SLOWEST_BYTES_PER_SECOND;
  }

  /** The send returned or threw: clears an interrupt this watch made. */
  synchronized void end() {
    sender = null;
    if (interrupted) {
      interrupted = false;
      var unused = Thread.interrupted();
    }
  }

  /**
   * Whether a send has been under way longer than {@code limit} (and the time its size allows); if
   * so, interrupts its thread (once).
   */
  synchronized boolean overdue(long now, Duration limit) {
    if (sender == null || now - since <= limit.toNanos() + extraNanos) {
      return false;
    }
    if (!interrupted) {
      interrupted = true;
      sender.interrupt();
    }
    return true;
  }
}
