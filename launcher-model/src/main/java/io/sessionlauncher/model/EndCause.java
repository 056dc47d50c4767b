package io.sessionlauncher.model;

/** Why a session ended. */
public enum EndCause {
  /** A client or operator asked for it to stop. */
  STOPPED,
  /** The process exited on its own after it was ready. */
  EXITED,
  /** The process exited before it was ready. */
  EXITED_BEFORE_READY,
  /** Readiness was not reached in time. */
  TIMEOUT,
  /** The program could not be started. */
  START_FAILED,
  /** The launcher itself shut down. */
  SHUTDOWN,
  /** The session reached its application's maximum lifetime. */
  LIFETIME,
  /** Nobody was connected to the session for its application's idle timeout. */
  IDLE,
  /** The client that asked for it went away before it was ready. */
  ABANDONED
}
