package io.sessionlauncher.rest.metrics;

import io.sessionlauncher.engine.session.SessionTraffic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The launcher's proxy in {@code /metrics}: connections open through it now (a gauge read from the
 * engine at each scrape) and the bytes it passed each way (counters). Without a metrics registry
 * (the in-process tests) it counts nothing.
 */
@ApplicationScoped
public class ProxyMetrics {
  static final String CONNECTIONS = "sessionlauncher_proxied_connections";
  static final String BYTES = "sessionlauncher_proxied_bytes";

  private Instance<MetricRegistry> registries;
  private SessionTraffic traffic;
  private volatile Counter toSession;
  private volatile Counter toClient;

  /** For CDI's proxy. */
  protected ProxyMetrics() {}

  @Inject
  public ProxyMetrics(Instance<MetricRegistry> registries, SessionTraffic traffic) {
    this.registries = registries;
    this.traffic = traffic;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (!registries.isResolvable()) {
      return;
    }
    MetricRegistry metrics = registries.get();
    metrics.gauge(
        Metadata.builder()
            .withName(CONNECTIONS)
            .withDescription("Connections open through the launcher's proxy to sessions")
            .build(),
        traffic,
        SessionTraffic::openConnections);
    Metadata bytes =
        Metadata.builder()
            .withName(BYTES)
            .withDescription(
                "Bytes passed by the launcher's proxy (HTTP bodies and WebSocket message"
                    + " payloads), by direction")
            .build();
    toSession = metrics.counter(bytes, new Tag("direction", "to_session"));
    toClient = metrics.counter(bytes, new Tag("direction", "to_client"));
  }

  /** {@code count} bytes went from a client to a session. */
  public void sentToSession(long count) {
    Counter counter = toSession;
    if (counter != null && count > 0) {
      counter.inc(count);
    }
  }

  /** {@code count} bytes went from a session to a client. */
  public void sentToClient(long count) {
    Counter counter = toClient;
    if (counter != null && count > 0) {
      counter.inc(count);
    }
  }
}
