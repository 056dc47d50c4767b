package io.sessionlauncher.engine.session;

import io.sessionlauncher.model.Session;
import java.util.Objects;

/**
 * A starting session's product said something new about where it stands (its {@link
 * Session#status()}), e.g. a batch job moved from pending to running. Fired synchronously as a CDI
 * event; unlike {@link SessionChange} it is not a change of state, so what mirrors the states (the
 * proxy file, the records, the metrics) does not observe it.
 *
 * @param session the session as it is now, still starting
 */
public record SessionProgress(Session session) {
  public SessionProgress {
    Objects.requireNonNull(session, "session");
  }
}
