package io.sessionlauncher.model;

/** Where a session is in its life. Every session ends in {@link #ENDED}, whatever the cause. */
public enum SessionState {
  /** The process was started and readiness is awaited. */
  STARTING,
  /** The process is ready; the client was told where to connect. */
  READY,
  /** The launcher is stopping the process tree. */
  STOPPING,
  /** The process is gone and its resource and proxy line released. */
  ENDED
}
