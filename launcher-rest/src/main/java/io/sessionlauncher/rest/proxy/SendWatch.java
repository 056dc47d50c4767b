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
  private Thread sender;
  private long since;
  private boolean interrupted;

  /** Marks the calling thread as sending, from now. */
  synchronized void begin(long now) {
    sender = Thread.currentThread();
    since = now;
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
   * Whether a send has been under way longer than {@code limit}; if so, interrupts its thread
   * (once).
   */
  synchronized boolean overdue(long now, Duration limit) {
    if (sender == null || now - since <= limit.toNanos()) {
      return false;
    }
    if (!interrupted) {
      interrupted = true;
      sender.interrupt();
    }
    return true;
  }
}
