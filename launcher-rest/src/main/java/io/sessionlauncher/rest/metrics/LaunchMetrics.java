package io.sessionlauncher.rest.metrics;

import io.sessionlauncher.engine.audit.AuditEvent;
import io.sessionlauncher.engine.reload.ConfigReloaded;
import io.sessionlauncher.engine.session.SessionChange;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What happens to launches, counted from the engine's {@link SessionChange} events and the audit
 * trail's refusals: how long starts take (a timer whose buckets {@code
 * META-INF/microprofile-config.properties} sets), how sessions end, why starts fail and why
 * requests are refused. The server exposes them at {@code /metrics}; the README's "Operate it"
 * lists the names.
 *
 * <p>A start is timed from the session's creation to its {@code READY} change (outcome {@code
 * ready}), or to its end if it never got there (outcome {@code failed}, and a start failure with
 * the end's cause as reason). Sessions adopted after a restart were not started by this launcher
 * and count only at their end.
 */
@ApplicationScoped
public class LaunchMetrics {
  static final String START_DURATION = "sessionlauncher_start_duration";
  static final String ENDS = "sessionlauncher_session_ends";
  static final String START_FAILURES = "sessionlauncher_start_failures";
  static final String REFUSED = "sessionlauncher_refused_requests";

  private static final Metadata START_DURATION_METADATA =
      Metadata.builder()
          .withName(START_DURATION)
          .withDescription(
              "Time from a launch request's admission to its session being ready or failed")
          .withUnit(MetricUnits.SECONDS)
          .build();
  private static final Metadata ENDS_METADATA =
      Metadata.builder()
          .withName(ENDS)
          .withDescription("Sessions ended, by application and cause")
          .build();
  private static final Metadata START_FAILURES_METADATA =
      Metadata.builder()
          .withName(START_FAILURES)
          .withDescription("Sessions that ended before they were ready, by application and reason")
          .build();
  private static final Metadata REFUSED_METADATA =
      Metadata.builder()
          .withName(REFUSED)
          .withDescription("Requests refused before a session was made, by reason")
          .build();

  private MetricRegistry metrics;
  private LauncherConfig config;
  private Clock clock;

  /** Sessions whose process started and that are not yet ready: when each was created. */
  private final Map<SessionId, Instant> starting = new ConcurrentHashMap<>();

  private final LongAdder starts = new LongAdder();
  private final LongAdder failures = new LongAdder();

  /** For CDI's proxy. */
  protected LaunchMetrics() {}

  @Inject
  public LaunchMetrics(MetricRegistry metrics, LauncherConfig config, Clock clock) {
    this.metrics = metrics;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Registers every application's start timers with the application: every series is there from the
   * first scrape, and the timers take their buckets from this application's configuration.
   */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    for (String application : config.apps().keySet()) {
      for (String outcome : new String[] {"ready", "failed"}) {
        var unused = startTimer(application, outcome);
      }
    }
  }

  /** A reload's new applications get their timers as the first ones did. */
  void onReload(@Observes ConfigReloaded reload) {
    for (String application : reload.current().apps().keySet()) {
      if (!reload.previous().apps().containsKey(application)) {
        for (String outcome : new String[] {"ready", "failed"}) {
          var unused = startTimer(application, outcome);
        }
      }
    }
  }

  void onChange(@Observes SessionChange change) {
    Session session = change.session();
    switch (change.state()) {
      case STARTING -> starting.put(session.id(), session.createdAt());
      case READY -> {
        Instant createdAt = starting.remove(session.id());
        if (createdAt != null) {
          starts.increment();
          startTimer(session.application(), "ready")
              .update(Duration.between(createdAt, clock.instant()));
        }
      }
      case ENDED -> ended(session);
      default -> {
        // STOPPING: the end is counted once complete.
      }
    }
  }

  private void ended(Session session) {
    String cause = word(session.endCause() == null ? "ended" : session.endCause().name());
    metrics.counter(ENDS_METADATA, app(session), new Tag("cause", cause)).inc();
    Instant createdAt = starting.remove(session.id());
    // A program that could not be started at all never had a STARTING change.
    if (createdAt != null || session.endCause() == EndCause.START_FAILED) {
      failures.increment();
      metrics.counter(START_FAILURES_METADATA, app(session), new Tag("reason", cause)).inc();
      Instant from = createdAt == null ? session.createdAt() : createdAt;
      Instant to = session.endedAt() == null ? clock.instant() : session.endedAt();
      startTimer(session.application(), "failed").update(Duration.between(from, to));
    }
  }

  /** Refusals as the audit trail records them; its outcome words are the reasons. */
  void onAudit(@Observes AuditEvent event) {
    if ("refused".equals(event.action())) {
      metrics.counter(REFUSED_METADATA, new Tag("reason", word(event.outcome()))).inc();
    }
  }

  /** Sessions that got ready since the application started. */
  public long starts() {
    return starts.sum();
  }

  /** Sessions that ended before they were ready since the application started. */
  public long startFailures() {
    return failures.sum();
  }

  private org.eclipse.microprofile.metrics.Timer startTimer(String application, String outcome) {
    return metrics.timer(
        START_DURATION_METADATA, new Tag("application", application), new Tag("outcome", outcome));
  }

  private static Tag app(Session session) {
    return new Tag("application", session.application());
  }

  /**
   * A label value: lower case, words joined by {@code _} ({@code limit reached}: {@code
   * limit_reached}).
   */
  static String word(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }
}
