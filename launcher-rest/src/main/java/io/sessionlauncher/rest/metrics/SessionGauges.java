package io.sessionlauncher.rest.metrics;

import io.sessionlauncher.engine.session.SessionRegistry;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.ResourceRange;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What the launcher holds right now, read from the session registry at each scrape: live sessions
 * by application and state, and each host's resources, in all and free (not held by a live
 * session). Gauges, registered for every configured application and host when the application
 * starts, so a series at zero is there rather than missing.
 */
@ApplicationScoped
public class SessionGauges {
  static final String SESSIONS = "sessionlauncher_sessions";
  static final String RESOURCES_FREE = "sessionlauncher_resources_free";
  static final String RESOURCES_CAPACITY = "sessionlauncher_resources_capacity";

  /** The states of a live session; an ended one is not live. */
  private static final SessionState[] LIVE_STATES = {
    SessionState.STARTING, SessionState.READY, SessionState.STOPPING
  };

  private MetricRegistry metrics;
  private LauncherConfig config;
  private SessionRegistry registry;

  /** For CDI's proxy. */
  protected SessionGauges() {}

  @Inject
  public SessionGauges(MetricRegistry metrics, LauncherConfig config, SessionRegistry registry) {
    this.metrics = metrics;
    this.config = config;
    this.registry = registry;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    Metadata sessions =
        Metadata.builder()
            .withName(SESSIONS)
            .withDescription("Live sessions, by application and state")
            .build();
    for (String application : config.apps().keySet()) {
      for (SessionState state : LIVE_STATES) {
        metrics.gauge(
            sessions,
            registry,
            live -> count(live, application, state),
            new Tag("application", application),
            new Tag("state", state.name().toLowerCase(Locale.ROOT)));
      }
    }
    Metadata capacity =
        Metadata.builder()
            .withName(RESOURCES_CAPACITY)
            .withDescription("Host/port pairs in the resource pool, by host")
            .build();
    Metadata free =
        Metadata.builder()
            .withName(RESOURCES_FREE)
            .withDescription("Host/port pairs not held by a live session, by host")
            .build();
    capacityByHost()
        .forEach(
            (host, total) -> {
              Tag tag = new Tag("host", host);
              metrics.gauge(capacity, total, Long::longValue, tag);
              metrics.gauge(free, registry, live -> total - held(live, host), tag);
            });
  }

  /** Pairs per host as the pool has them: each pair once, whatever ranges overlap. */
  private Map<String, Long> capacityByHost() {
    Set<HostPort> pairs = new LinkedHashSet<>();
    for (ResourceRange range : config.resources()) {
      pairs.addAll(range.pairs());
    }
    Map<String, Long> byHost = new LinkedHashMap<>();
    pairs.forEach(pair -> byHost.merge(pair.host(), 1L, Long::sum));
    return byHost;
  }

  private static long count(SessionRegistry live, String application, SessionState state) {
    return live.list().stream()
        .filter(session -> session.state() == state && session.application().equals(application))
        .count();
  }

  private static long held(SessionRegistry live, String host) {
    return live.list().stream()
        .map(Session::resource)
        .filter(pair -> pair.host().equals(host))
        .count();
  }
}
