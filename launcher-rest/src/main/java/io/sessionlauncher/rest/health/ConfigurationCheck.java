package io.sessionlauncher.rest.health;

import io.sessionlauncher.engine.config.ActiveConfig;
import io.sessionlauncher.model.LauncherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@value #NAME}: {@code launcher.json} was loaded and names at least one application and
 * one resource, so a launch can succeed. A file that cannot be loaded fails the deployment, which
 * the server's own readiness reports as the application not started.
 */
@Readiness
@ApplicationScoped
public class ConfigurationCheck implements HealthCheck {
  /** The check's name in {@code /health/ready}. */
  public static final String NAME = "launcher-configuration";

  private ActiveConfig active;

  /** For CDI's proxy. */
  protected ConfigurationCheck() {}

  @Inject
  public ConfigurationCheck(ActiveConfig active) {
    this.active = active;
  }

  @Override
  public HealthCheckResponse call() {
    LauncherConfig config = active.current();
    boolean usable = !config.apps().isEmpty() && !config.resources().isEmpty();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("file", String.valueOf(config.source()));
    data.put("applications", (long) config.apps().size());
    data.put("resourceRanges", (long) config.resources().size());
    return new HealthCheckResponse(NAME, HealthChecks.status(usable), Optional.of(data));
  }
}
