package io.sessionlauncher.engine.session;

import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionState;
import java.util.Objects;
import java.util.Optional;

/**
 * A session moved to a new state: its process started ({@code STARTING}), it became ready, its end
 * began ({@code STOPPING}) or its end is complete ({@code ENDED}). Fired synchronously as a CDI
 * event, in that order for each session, by the one place that makes the move; observers keep what
 * mirrors the sessions (the proxy file, the session records) in step. An observer's exception on
 * {@code READY} fails the start.
 *
 * @param session the session as it is now
 * @param process the session's operating-system process, when it has one
 * @param reference what finds its product again after a restart, for a product without a process
 */
public record SessionChange(
    Session session, Optional<ProcessHandle> process, Optional<ProductReference> reference) {
  public SessionChange {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(reference, "reference");
  }

  /** A change of a session whose product is found again by its process, if by anything. */
  public SessionChange(Session session, Optional<ProcessHandle> process) {
    this(session, process, Optional.empty());
  }

  /** The change to the live session's current snapshot. */
  static SessionChange of(LiveSession session) {
    return new SessionChange(session.snapshot(), session.launcher().process(), session.reference());
  }

  /** The state the session moved to. */
  public SessionState state() {
    return session.state();
  }
}
