package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.process.SessionProcess;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionState;
import java.util.concurrent.CompletableFuture;

/**
 * The launcher's mutable record of one running session: its latest snapshot, its process, and the
 * promise of its end. State only moves forward (starting, ready, stopping, ended), and only one
 * caller gets to end it.
 */
final class LiveSession {
  private volatile Session snapshot;
  private volatile SessionProcess process;
  private EndCause endCause;
  private final CompletableFuture<Session> ended = new CompletableFuture<>();

  LiveSession(Session snapshot) {
    this.snapshot = snapshot;
  }

  Session snapshot() {
    return snapshot;
  }

  SessionProcess process() {
    return process;
  }

  void attach(SessionProcess started) {
    this.process = started;
  }

  /** Moves from starting to ready; false if an end has begun meanwhile. */
  synchronized boolean markReady() {
    if (snapshot.state() != SessionState.STARTING) {
      return false;
    }
    snapshot = snapshot.withState(SessionState.READY);
    return true;
  }

  /**
   * Claims the end of this session for {@code cause}.
   *
   * @return whether the caller is the one to carry it out
   */
  synchronized boolean beginEnd(EndCause cause) {
    if (endCause != null) {
      return false;
    }
    endCause = cause;
    snapshot = snapshot.withState(SessionState.STOPPING);
    return true;
  }

  synchronized EndCause endCause() {
    return endCause;
  }

  void finish(Session endedSnapshot) {
    snapshot = endedSnapshot;
    ended.complete(endedSnapshot);
  }

  /** Completes with the ended snapshot once the end has been carried out. */
  CompletableFuture<Session> ended() {
    return ended;
  }
}
