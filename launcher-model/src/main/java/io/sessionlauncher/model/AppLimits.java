package io.sessionlauncher.model;

import java.time.Duration;

/**
 * Limits of one application's sessions; {@code null} means no limit.
 *
 * @param maxSessions how many sessions of the app may be live at once ({@code max_sessions})
 * @param maxLifetime how long a session may live before it is stopped ({@code max_lifetime},
 *     seconds)
 * @param idleTimeout how long a session may go without an established connection to its port before
 *     it is stopped ({@code idle_timeout}, seconds)
 * @param maxSessionsPerUser how many live sessions of the app one owner may have ({@code
 *     max_sessions_per_user}); when set, it replaces the launcher's own per-user limit for this app
 */
public record AppLimits(
    Integer maxSessions, Duration maxLifetime, Duration idleTimeout, Integer maxSessionsPerUser) {

  /** No limits. */
  public static final AppLimits NONE = new AppLimits(null, null, null, null);

  /** Limits without a per-user one. */
  public AppLimits(Integer maxSessions, Duration maxLifetime, Duration idleTimeout) {
    this(maxSessions, maxLifetime, idleTimeout, null);
  }
}
