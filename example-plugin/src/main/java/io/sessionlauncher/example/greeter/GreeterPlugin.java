package io.sessionlauncher.example.greeter;

import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.ProductLauncher;
import io.sessionlauncher.spi.ServerType;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin {@code greeter.local}: a small HTTP server answering a configured greeting, started in
 * the launcher's own JVM.
 *
 * <p>A plugin object describes a product and one way to launch it; it holds no state of its own and
 * is shared by every launch, so it creates a fresh {@link ProductLauncher} per instance in {@link
 * #create}. The launcher finds it through the line naming this class in {@code
 * META-INF/services/io.sessionlauncher.spi.LauncherPlugin}, which is why it is public and has a
 * public no-argument constructor.
 */
public class GreeterPlugin implements LauncherPlugin<GreeterConfig> {

  /** The product's name, the first half of {@code greeter.local}. */
  public static final String PRODUCT = "greeter";

  /** The mode's name, the second half. */
  public static final String MODE = "local";

  /** The key of the one server a greeter exposes, in {@link #serverSpec} and in {@code urls()}. */
  public static final String MAIN = "main";

  /** Found by {@link java.util.ServiceLoader}, which needs this public constructor. */
  public GreeterPlugin() {}

  @Override
  public String product() {
    return PRODUCT;
  }

  @Override
  public String mode() {
    return MODE;
  }

  @Override
  public Class<GreeterConfig> configType() {
    return GreeterConfig.class;
  }

  /**
   * {@link GreeterConfig#DEFAULTS}: a configuration need only hold the fields it changes, e.g.
   * {@code {"greeting": "Hi"}}. Without default values, every field of a primitive type would be
   * required and the others {@code null} unless given.
   */
  @Override
  public Optional<GreeterConfig> defaultConfig() {
    return Optional.of(GreeterConfig.DEFAULTS);
  }

  /**
   * One server, {@code main}, reached with HTTP at {@code host:port}. The launcher fails a start
   * whose {@code urls()} lack a key named here.
   */
  @Override
  public Map<String, ServerType> serverSpec() {
    return Map.of(MAIN, ServerType.GENERIC);
  }

  /** A greeter for one session (or one plain-Java instance); it starts nothing yet. */
  @Override
  public ProductLauncher create(GreeterConfig config, LaunchContext context) {
    return new GreeterLauncher(config, context);
  }
}
