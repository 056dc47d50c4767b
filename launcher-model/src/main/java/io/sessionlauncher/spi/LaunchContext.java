package io.sessionlauncher.spi;

import io.sessionlauncher.model.HostPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What the launcher gives a plugin for one start: where to listen, where to log, where to run.
 *
 * @param name a name for messages: the session id, or the product's name in plain Java
 * @param resource the host/port pair from the launcher's pool the product must listen on, or {@code
 *     null} when the plugin chooses its own port (plain Java use)
 * @param logFile where the product's output goes, or {@code null} to discard it
 * @param workingDir folder to run in, or {@code null} for the current one
 * @param stopGrace how long a product has to stop before it is killed
 * @param maxLogBytes cap on the product's log
 * @param executor where to run background work (output pumps, probes): the container's managed
 *     executor inside an application server; tasks may run as long as the product
 */
public record LaunchContext(
    String name,
    HostPort resource,
    Path logFile,
    Path workingDir,
    Duration stopGrace,
    long maxLogBytes,
    Executor executor) {
  public LaunchContext {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stopGrace, "stopGrace");
    Objects.requireNonNull(executor, "executor");
  }

  /**
   * {@link #executor()} running at most {@code maxConcurrent} of this product's tasks at a time:
   * what a product serving connections in the launcher's JVM should hand them to, so that many slow
   * clients cannot take a thread each.
   */
  public ConcurrencyLimitedExecutor limitedExecutor(int maxConcurrent) {
    return new ConcurrencyLimitedExecutor(executor, maxConcurrent);
  }

  /** The pair to listen on, if the launcher assigned one. */
  public Optional<HostPort> assignedResource() {
    return Optional.ofNullable(resource);
  }
}
