package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.plugin.ConfigBinder;
import io.sessionlauncher.engine.plugin.PluginCatalog;
import io.sessionlauncher.engine.plugin.PluginResolver;
import io.sessionlauncher.engine.template.TemplateExpander;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.PluginException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;

/**
 * The start-up checks of the configured applications: each one's plugin must exist, and a
 * configuration that holds no template variable (so no request can change it) must already satisfy
 * the plugin's constraints. A failure names the file and the application's key.
 */
@ApplicationScoped
public class AppChecks {
  private LauncherConfig config;
  private PluginCatalog plugins;

  /** For CDI's proxy. */
  protected AppChecks() {}

  @Inject
  public AppChecks(LauncherConfig config, PluginCatalog plugins) {
    this.config = config;
    this.plugins = plugins;
  }

  /**
   * @throws ConfigurationException naming {@code apps.<name>} for the first application that fails
   */
  void checkAll() {
    check(config);
  }

  /**
   * The same checks for another configuration, with its own stored plugin configurations: a
   * reloaded file before it is put in force.
   *
   * @throws ConfigurationException naming {@code apps.<name>} for the first application that fails
   */
  public void check(LauncherConfig candidate) {
    PluginResolver resolver = plugins.resolverFor(candidate.products());
    for (AppConfig app : candidate.apps().values()) {
      try {
        PluginResolver.Resolved resolved =
            resolver.resolve(app.product(), app.mode(), app.config());
        if (!hasVariables(app.config())) {
          bind(resolved.plugin(), plugins.binder(), resolved.values());
        }
      } catch (PluginException e) {
        throw new ConfigurationException(
            candidate.source(), "apps." + app.name(), e.getMessage(), e);
      }
    }
  }

  private static <C extends Record> void bind(
      LauncherPlugin<C> plugin, ConfigBinder binder, Map<String, Object> values) {
    binder.bind(plugin, values);
  }

  /** Whether any text in a configuration value refers to a template variable. */
  static boolean hasVariables(Object value) {
    if (value instanceof String text) {
      return TemplateExpander.hasVariables(text);
    }
    if (value instanceof Map<?, ?> map) {
      return hasVariables(map.keySet()) || hasVariables(map.values());
    }
    if (value instanceof Collection<?> items) {
      for (Object item : items) {
        if (hasVariables(item)) {
          return true;
        }
      }
    }
    return false;
  }
}
