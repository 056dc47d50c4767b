package io.sessionlauncher.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Objects;

/**
 * One host/port pair of the resource pool: where a session's process listens.
 *
 * @param host host name or address as written in {@code resources}
 * @param port TCP port, 1 to 65535
 */
public record HostPort(@NotBlank String host, @Min(1) @Max(65535) int port) {
  public HostPort {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** {@code host:port}, the form used in the proxy mapping file. */
  @Override
  public String toString() {
    return host + ":" + port;
  }
}
