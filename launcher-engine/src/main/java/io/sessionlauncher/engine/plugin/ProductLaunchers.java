package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.engine.config.ConfigLoader;
import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.model.ProductDefaults;
import io.sessionlauncher.spi.LauncherPlugin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Launches products from plain Java, with the plugins on the class path: the entry point of the
 * launcher outside an application server.
 *
 * <pre>{@code
 * ProductLaunchers launchers = ProductLaunchers.fromClassPath();
 * try (ProductInstance server =
 *     launchers.launch("http-server", "local", Map.of("directory", "/srv/www"))) {
 *   server.awaitAnswer(Duration.ofSeconds(10));
 *   System.out.println(server.urls().get("main"));
 * }
 * }</pre>
 */
public final class ProductLaunchers {
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final PluginRegistry registry;
  private final PluginResolver resolver;
  private final ConfigBinder binder;

  private ProductLaunchers(
      PluginRegistry registry, Map<String, ProductDefaults> products, ConfigBinder binder) {
    this.registry = registry;
    this.resolver = new PluginResolver(registry, products);
    this.binder = binder;
  }

  /** The plugins on the class path, with no stored configuration. */
  public static ProductLaunchers fromClassPath() {
    return new ProductLaunchers(
        PluginRegistry.discover(), Map.of(), ConfigBinder.withDefaultValidator());
  }

  /** These plugins, with stored configurations in the reference's format. */
  public static ProductLaunchers of(
      PluginRegistry registry, Map<String, ProductDefaults> products) {
    return new ProductLaunchers(registry, products, ConfigBinder.withDefaultValidator());
  }

  /**
   * The plugins on the class path with the stored configurations of {@code file}, in the
   * reference's format: {@code {"<product>": {"launch_mode": "...", "configs": {"<mode>": {}}}}}.
   * The file is read as {@code launcher.json}'s {@code products} section is, comments allowed.
   *
   * @throws ConfigurationException naming the file and the key when it cannot be read
   */
  public static ProductLaunchers fromClassPath(Path file) {
    return new ProductLaunchers(
        PluginRegistry.discover(),
        new ConfigLoader().loadProducts(file),
        ConfigBinder.withDefaultValidator());
  }

  /** Launches the product in its default mode (or its fallback) with its stored configuration. */
  public ProductInstance launch(String product) {
    return launch(product, null, null);
  }

  /**
   * Launches the product.
   *
   * @param mode the mode, or {@code null} for the product's default or fallback
   * @param config configuration values, or {@code null} for the stored ones or the defaults
   * @throws io.sessionlauncher.spi.PluginException naming the product when no plugin fits or the
   *     configuration is invalid
   */
  public ProductInstance launch(String product, String mode, Map<String, Object> config) {
    PluginResolver.Resolved resolved = resolver.resolve(product, mode, config);
    return start(resolved.plugin(), resolved.values());
  }

  /** Launches {@code plugin} with a configuration record built in Java. */
  public <C extends Record> ProductInstance launch(LauncherPlugin<C> plugin, C config) {
    return ProductInstance.start(plugin, config, STOP_GRACE);
  }

  private <C extends Record> ProductInstance start(
      LauncherPlugin<C> plugin, Map<String, Object> values) {
    return ProductInstance.start(plugin, binder.bind(plugin, values), STOP_GRACE);
  }

  /** The plugins found. */
  public PluginRegistry registry() {
    return registry;
  }
}
