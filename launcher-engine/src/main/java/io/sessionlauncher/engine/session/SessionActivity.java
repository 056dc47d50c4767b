package io.sessionlauncher.engine.session;

import java.time.Instant;
import java.util.Objects;

/**
 * What the launcher's own proxy has seen of a session.
 *
 * @param proxiedConnections connections open through the launcher's proxy now
 * @param lastActive the last moment traffic passed or someone was seen connected, or the moment the
 *     session became ready
 */
public record SessionActivity(int proxiedConnections, Instant lastActive) {
  public SessionActivity {
    Objects.requireNonNull(lastActive, "lastActive");
  }
}
