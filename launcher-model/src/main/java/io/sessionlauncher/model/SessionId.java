package io.sessionlauncher.model;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Identifier of a session: a random (version 4) UUID from a secure generator, so one user cannot
 * guess another's id (the reference uses time-based version 1 UUIDs).
 *
 * @param value the UUID
 */
public record SessionId(UUID value) {
  public SessionId {
    Objects.requireNonNull(value, "value");
  }

  /** A new random id. */
  public static SessionId random() {
    return new SessionId(UUID.randomUUID());
  }

  /** The id written as {@code text}, or empty if it is not a UUID. */
  public static Optional<SessionId> parse(String text) {
    if (text == null || text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SessionId(UUID.fromString(text)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
