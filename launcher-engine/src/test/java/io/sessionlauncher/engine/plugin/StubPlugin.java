package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.ProductLauncher;
import io.sessionlauncher.spi.ServerType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A plugin put together in a test: any product and mode, any configuration record, and launchers
 * made by a function; every launcher it creates is kept for the test to inspect.
 */
final class StubPlugin<C extends Record> implements LauncherPlugin<C> {
  /** A configuration with no fields. */
  public record NoConfig() {}

  private final String product;
  private final String mode;
  private final Class<C> type;
  private final C defaults;
  private final Map<String, ServerType> spec;
  private final BiFunction<C, LaunchContext, ProductLauncher> factory;
  private final List<ProductLauncher> created = new CopyOnWriteArrayList<>();

  private StubPlugin(
      String product,
      String mode,
      Class<C> type,
      C defaults,
      Map<String, ServerType> spec,
      BiFunction<C, LaunchContext, ProductLauncher> factory) {
    this.product = product;
    this.mode = mode;
    this.type = type;
    this.defaults = defaults;
    this.spec = spec;
    this.factory = factory;
  }

  /** {@code product.mode} without configuration, server or launcher. */
  static StubPlugin<NoConfig> named(String product, String mode) {
    return new StubPlugin<>(
        product,
        mode,
        NoConfig.class,
        new NoConfig(),
        Map.of(),
        (config, context) -> {
          throw new UnsupportedOperationException("not launchable");
        });
  }

  /** {@code product.mode} with configuration type {@code type} and no defaults. */
  static <C extends Record> StubPlugin<C> configured(String product, String mode, Class<C> type) {
    return new StubPlugin<>(
        product,
        mode,
        type,
        null,
        Map.of(),
        (config, context) -> {
          throw new UnsupportedOperationException("not launchable");
        });
  }

  /** {@code product.mode} whose instances are made by {@code factory}. */
  static StubPlugin<NoConfig> launching(
      String product,
      String mode,
      Map<String, ServerType> spec,
      BiFunction<NoConfig, LaunchContext, ProductLauncher> factory) {
    return new StubPlugin<>(product, mode, NoConfig.class, new NoConfig(), spec, factory);
  }

  /** This plugin with {@code defaults} as its default configuration. */
  StubPlugin<C> withDefaults(C defaults) {
    return new StubPlugin<>(product, mode, type, defaults, spec, factory);
  }

  @Override
  public String product() {
    return product;
  }

  @Override
  public String mode() {
    return mode;
  }

  @Override
  public Class<C> configType() {
    return type;
  }

  @Override
  public Optional<C> defaultConfig() {
    return Optional.ofNullable(defaults);
  }

  @Override
  public Map<String, ServerType> serverSpec() {
    return spec;
  }

  @Override
  public ProductLauncher create(C config, LaunchContext context) {
    ProductLauncher launcher = factory.apply(config, context);
    created.add(launcher);
    return launcher;
  }

  /** Every launcher created so far, oldest first. */
  List<ProductLauncher> created() {
    return List.copyOf(created);
  }
}
