package io.sessionlauncher.engine.session;

import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import java.time.Instant;
import java.util.Map;

/**
 * Sessions as they are when admitted and not yet ready, for tests of the registry and its users.
 */
final class Starting {
  private Starting() {}

  /** A starting session without a product, made at {@code now}. */
  static LiveSession session(
      SessionId id, String application, String owner, HostPort resource, Instant now) {
    return new LiveSession(
        new Session(
            id,
            application,
            owner,
            resource,
            SessionState.STARTING,
            Map.of(),
            false,
            now,
            null,
            null,
            null),
        null,
        null);
  }
}
