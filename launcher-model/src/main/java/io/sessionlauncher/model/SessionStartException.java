package io.sessionlauncher.model;

import java.util.Objects;

/**
 * A session could not be brought to the ready state. By the time this is thrown the launcher has
 * already stopped whatever was started, returned the resource and removed the proxy line.
 */
public class SessionStartException extends LauncherException {
  private static final long serialVersionUID = 1L;

  /** Message of the reference launcher for a timeout, kept for existing clients. */
  public static final String TIMEOUT_MESSAGE =
      "Session did not start before timeout expired. Check session logs.";

  /** Why the start failed. */
  public enum Reason {
    /** Readiness was not reached within the configured timeout. */
    TIMEOUT,
    /** The process ended before it was ready. */
    EXITED,
    /** The program could not be started at all (missing, not executable, bad folder). */
    CANNOT_START,
    /** The thread waiting for the session was interrupted, as when the server stops. */
    INTERRUPTED
  }

  private final Reason reason;

  public SessionStartException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public SessionStartException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
