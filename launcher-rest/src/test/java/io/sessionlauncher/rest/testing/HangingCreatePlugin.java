package io.sessionlauncher.rest.testing;

import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.ProductLauncher;
import io.sessionlauncher.spi.ServerType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin ({@code hanging.create}) whose {@code create} does not answer for {@link #HANG}, longer
 * than a test launcher's start timeout, so that the launcher's bound on it is what ends the start.
 * Not on the REST tests' plugin list: a test registers it for a child launcher alone with {@link
 * ChildLauncher#start(java.nio.file.Path, java.nio.file.Path, String, Class)}.
 */
public final class HangingCreatePlugin implements LauncherPlugin<HangingCreatePlugin.Config> {
  /** How long {@code create} holds its caller: bounded, so the hanging thread ends too. */
  public static final Duration HANG = Duration.ofSeconds(8);

  /** No configuration. */
  public record Config() {}

  @Override
  public String product() {
    return "hanging";
  }

  @Override
  public String mode() {
    return "create";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Optional<Config> defaultConfig() {
    return Optional.of(new Config());
  }

  @Override
  public Map<String, ServerType> serverSpec() {
    return Map.of();
  }

  @Override
  public ProductLauncher create(Config config, LaunchContext context) {
    try {
      Thread.sleep(HANG.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Inert();
  }

  /** What a late {@code create} hands back: starts nothing, so nothing is left to stop. */
  private static final class Inert implements ProductLauncher {
    @Override
    public void start() {}

    @Override
    public void stop(Duration grace) {}

    @Override
    public boolean check(Duration timeout) {
      return false;
    }

    @Override
    public Map<String, String> urls() {
      return Map.of();
    }
  }
}
