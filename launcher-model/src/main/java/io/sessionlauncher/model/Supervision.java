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
 * @param dataDir folder where live sessions are recorded so a restarted launcher finds them ({@code
 *     data_dir}, by default {@code log_dir}: records in {@code <folder>/sessions/}); {@code null}
 *     records nothing
 * @param onRestart what a restarted launcher does with the sessions it finds ({@code on_restart}:
 *     {@code "adopt"} or {@code "stop"})
 * @param logRetention how long a session's log is kept after the session ended ({@code
 *     log_retention}, seconds); {@code null} keeps logs
 * @param sweepInterval how often lifetimes, idleness and retention are checked
 */
public record Supervision(
    Duration stopGrace,
    long maxLogBytes,
    Duration keepEnded,
    java.nio.file.Path dataDir,
    RestartPolicy onRestart,
    Duration logRetention,
    Duration sweepInterval) {

  /** What a restarted launcher does with sessions that were live when it stopped. */
  public enum RestartPolicy {
    /** Take back every session whose process is provably the same (pid and start time). */
    ADOPT,
    /** Stop every such session and clean up after it. */
    STOP
  }

  /**
   * Five seconds of grace, 10 MiB of log, ended sessions visible for ten minutes, no data folder (a
   * loaded configuration has its {@code log_dir} then), logs kept, checks every second.
   */
  public static final Supervision DEFAULTS =
      new Supervision(Duration.ofSeconds(5), 10L * 1024 * 1024, Duration.ofMinutes(10));

  /** With the defaults for everything else. */
  public Supervision(Duration stopGrace, long maxLogBytes, Duration keepEnded) {
    this(stopGrace, maxLogBytes, keepEnded, null, RestartPolicy.ADOPT, null, Duration.ofSeconds(1));
  }

  /** These settings with another data folder. */
  public Supervision withDataDir(java.nio.file.Path folder) {
    return new Supervision(
        stopGrace, maxLogBytes, keepEnded, folder, onRestart, logRetention, sweepInterval);
  }

  public Supervision {
    Objects.requireNonNull(stopGrace, "stopGrace");
    Objects.requireNonNull(keepEnded, "keepEnded");
    Objects.requireNonNull(onRestart, "onRestart");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    if (maxLogBytes < 0) {
      throw new IllegalArgumentException("maxLogBytes < 0");
    }
  }
}
