package io.sessionlauncher.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How the launcher looks after session processes; keys of {@code configuration} that the reference
 * launcher does not have, each with a default.
 *
 * @param stopGrace time between SIGTERM and SIGKILL when a session is stopped ({@code stop_grace},
 *     seconds)
 * @param maxLogBytes cap on each session log ({@code max_log_size}, bytes)
 * @param keepEnded how long an ended session still answers GET ({@code keep_ended}, seconds)
 */
public record Supervision(Duration stopGrace, long maxLogBytes, Duration keepEnded) {

  /** Five seconds of grace, 10 MiB of log, ended sessions visible for ten minutes. */
  public static final Supervision DEFAULTS =
      new Supervision(Duration.ofSeconds(5), 10L * 1024 * 1024, Duration.ofMinutes(10));

  public Supervision {
    Objects.requireNonNull(stopGrace, "stopGrace");
    Objects.requireNonNull(keepEnded, "keepEnded");
    if (maxLogBytes < 0) {
      throw new IllegalArgumentException("maxLogBytes < 0");
    }
  }
}
