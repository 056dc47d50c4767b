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
 */
public record SessionChange(Session session, Optional<ProcessHandle> process) {
  public SessionChange {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(process, "process");
  }

  /** The state the session moved to. */
  public SessionState state() {
    return session.state();
  }
}
