package io.sessionlauncher.rest.health;

import io.sessionlauncher.engine.session.SessionSweeper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness {@value #NAME}: the sweeper is scheduled. Without it no lifetime or idle limit is
 * enforced and session logs grow without bound; only a restart of the application brings it back.
 */
@Liveness
@ApplicationScoped
public class SweeperCheck implements HealthCheck {
  /** The check's name in {@code /health/live}. */
  public static final String NAME = "launcher-sweeper";

  private SessionSweeper sweeper;

  /** For CDI's proxy. */
  protected SweeperCheck() {}

  @Inject
  public SweeperCheck(SessionSweeper sweeper) {
    this.sweeper = sweeper;
  }

  @Override
  public HealthCheckResponse call() {
    return new HealthCheckResponse(NAME, HealthChecks.status(sweeper.running()), Optional.empty());
  }
}
