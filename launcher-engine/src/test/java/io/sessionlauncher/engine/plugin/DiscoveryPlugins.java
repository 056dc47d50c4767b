package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.ProductLauncher;
import io.sessionlauncher.spi.ServerType;
import java.util.Map;

/**
 * Plugins named in a test's services file: one that loads, and ones that break in each way a
 * third-party jar can. Public with public constructors, as {@link java.util.ServiceLoader} needs;
 * no bean-defining annotations, so CDI containers of other tests do not pick them up.
 */
public final class DiscoveryPlugins {
  private DiscoveryPlugins() {}

  /** A configuration with no fields. */
  public record Empty() {}

  /** {@code tool.good}: loads fine. */
  public static class Good implements LauncherPlugin<Empty> {
    @Override
    public String product() {
      return "tool";
    }

    @Override
    public String mode() {
      return "good";
    }

    @Override
    public Class<Empty> configType() {
      return Empty.class;
    }

    @Override
    public Map<String, ServerType> serverSpec() {
      return Map.of();
    }

    @Override
    public ProductLauncher create(Empty config, LaunchContext context) {
      throw new UnsupportedOperationException("discovery only");
    }
  }

  /** Cannot be instantiated: its constructor throws. */
  public static class ThrowsInConstructor extends Good {
    public ThrowsInConstructor() {
      throw new IllegalStateException("constructor of a broken plugin");
    }
  }

  /** Instantiated, but cannot say its name. */
  public static class ThrowsInProduct extends Good {
    @Override
    public String product() {
      throw new IllegalStateException("product() of a broken plugin");
    }
  }

  /** Instantiated, but its server spec fails. */
  public static class ThrowsInServerSpec extends Good {
    @Override
    public String mode() {
      return "bad-spec";
    }

    @Override
    public Map<String, ServerType> serverSpec() {
      throw new IllegalStateException("serverSpec() of a broken plugin");
    }
  }

  /** Named in a services file but not a plugin at all. */
  public static class NotAPlugin {}

  /** A second {@code http-server.local}, to lose against the built-in one. */
  public static class Impostor extends Good {
    @Override
    public String product() {
      return "http-server";
    }

    @Override
    public String mode() {
      return "local";
    }
  }
}
