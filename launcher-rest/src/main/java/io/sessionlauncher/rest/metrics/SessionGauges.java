package io.sessionlauncher.rest.metrics;

import io.sessionlauncher.engine.config.ActiveConfig;
import io.sessionlauncher.engine.reload.ConfigReloaded;
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
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What the launcher holds right now, read from the session registry at each scrape: live sessions
 * by application and state, and each host's resources, in all and free (not held by a live
 * session). Gauges, registered for every configured application and host when the application
 * starts (and for those a reload adds), so a series at zero is there rather than missing.
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
  private static final Metadata SESSIONS_METADATA =
      Metadata.builder()
          .withName(SESSIONS)
          .withDescription("Live sessions, by application and state")
          .build();
  private static final Metadata CAPACITY_METADATA =
      Metadata.builder()
          .withName(RESOURCES_CAPACITY)
          .withDescription("Host/port pairs in the resource pool, by host")
          .build();
  private static final Metadata FREE_METADATA =
      Metadata.builder()
          .withName(RESOURCES_FREE)
          .withDescription("Host/port pairs not held by a live session, by host")
          .build();

  private ActiveConfig active;
  private SessionRegistry registry;

  /** Pairs per host in the configuration in force. */
  private volatile Map<String, Long> capacity = Map.of();

  /** For CDI's proxy. */
  protected SessionGauges() {}

  @Inject
  public SessionGauges(MetricRegistry metrics, ActiveConfig active, SessionRegistry registry) {
    this.metrics = metrics;
    this.active = active;
    this.registry = registry;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    LauncherConfig config = active.current();
    capacity = capacityByHost(config);
    config.apps().keySet().forEach(this::registerSessions);
    capacity.keySet().forEach(this::registerHost);
  }

  /**
   * A reload's new applications and hosts get their series; a host it dropped loses them (its
   * sessions still count in {@link #SESSIONS} until they end). An application it removed keeps its
   * series, which go to zero as its sessions end.
   */
  void onReload(@Observes ConfigReloaded reload) {
    Map<String, Long> before = capacity;
    capacity = capacityByHost(reload.current());
    for (String application : reload.current().apps().keySet()) {
      if (!reload.previous().apps().containsKey(application)) {
        registerSessions(application);
      }
    }
    for (String host : capacity.keySet()) {
      if (!before.containsKey(host)) {
        registerHost(host);
      }
    }
    for (String host : before.keySet()) {
      if (!capacity.containsKey(host)) {
        Tag tag = new Tag("host", host);
        metrics.remove(new MetricID(RESOURCES_CAPACITY, tag));
        metrics.remove(new MetricID(RESOURCES_FREE, tag));
      }
    }
  }

  private void registerSessions(String application) {
    for (SessionState state : LIVE_STATES) {
      metrics.gauge(
          SESSIONS_METADATA,
          registry,
          live -> count(live, application, state),
          new Tag("application", application),
          new Tag("state", state.name().toLowerCase(Locale.ROOT)));
    }
  }

  private void registerHost(String host) {
    Tag tag = new Tag("host", host);
    metrics.gauge(CAPACITY_METADATA, this, gauges -> gauges.capacityOf(host), tag);
    metrics.gauge(
        FREE_METADATA, this, gauges -> gauges.capacityOf(host) - held(gauges.registry, host), tag);
  }

  private long capacityOf(String host) {
    return capacity.getOrDefault(host, 0L);
  }

  /** Pairs per host as the pool has them: each pair once, whatever ranges overlap. */
  private static Map<String, Long> capacityByHost(LauncherConfig config) {
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
