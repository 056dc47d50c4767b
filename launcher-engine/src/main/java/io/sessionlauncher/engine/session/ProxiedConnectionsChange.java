package io.sessionlauncher.engine.session;

import io.sessionlauncher.model.SessionId;
import java.util.Objects;

/**
 * A connection through the launcher's proxy to a session opened or closed; fired synchronously as a
 * CDI event, for what shows the sessions live (the dashboard).
 *
 * @param session the session
 * @param open how many proxied connections it has now
 */
public record ProxiedConnectionsChange(SessionId session, int open) {
  public ProxiedConnectionsChange {
    Objects.requireNonNull(session, "session");
  }
}
