package io.sessionlauncher.rest.health;

import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * What the checks share. They build their answers with {@link HealthCheckResponse}'s constructor
 * rather than its builder, which needs the server's implementation: so they run in plain tests too.
 */
final class HealthChecks {
  private HealthChecks() {}

  static HealthCheckResponse.Status status(boolean up) {
    return up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN;
  }
}
