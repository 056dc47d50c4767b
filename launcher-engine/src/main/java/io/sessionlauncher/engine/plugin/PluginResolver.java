package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.model.ProductDefaults;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.PluginException;
import java.util.Map;

/**
 * Chooses the plugin and the configuration for a product, as the reference does: the mode asked
 * for, else the product's default mode, else the product's fallback plugin, else an error naming
 * the product. A mode without a stored configuration uses the plugin's defaults.
 */
public final class PluginResolver {
  private final PluginRegistry registry;
  private final Map<String, ProductDefaults> products;

  public PluginResolver(PluginRegistry registry, Map<String, ProductDefaults> products) {
    this.registry = registry;
    this.products = Map.copyOf(products);
  }

  /**
   * A plugin with the configuration values to bind.
   *
   * @param plugin the chosen plugin
   * @param values configuration values, or {@code null} for the plugin's defaults
   */
  public record Resolved(LauncherPlugin<?> plugin, Map<String, Object> values) {}

  /**
   * @param mode the mode asked for, or {@code null}
   * @param values configuration given with the request or app, or {@code null}
   * @throws PluginException naming the product (and mode) when nothing fits
   */
  public Resolved resolve(String product, String mode, Map<String, Object> values) {
    ProductDefaults stored = products.get(product);
    String chosen = mode;
    if (chosen == null && stored != null) {
      chosen = stored.launchMode();
    }
    if (chosen == null) {
      LauncherPlugin<?> fallback =
          registry
              .find(product, LauncherPlugin.FALLBACK_MODE)
              .orElseThrow(
                  () ->
                      new PluginException(
                          "No launch mode configured for product '"
                              + product
                              + "' and it has no fallback plugin"));
      return new Resolved(fallback, values);
    }
    String finalMode = chosen;
    LauncherPlugin<?> plugin =
        registry
            .find(product, chosen)
            .orElseThrow(
                () ->
                    new PluginException(
                        "No plugin for product '" + product + "' in mode '" + finalMode + "'"));
    if (values == null && stored != null) {
      values = stored.configs().get(chosen);
    }
    return new Resolved(plugin, values);
  }
}
