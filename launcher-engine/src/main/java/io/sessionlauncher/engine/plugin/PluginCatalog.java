package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.spi.LauncherPlugin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's plugins inside a container: those on the application's class path (ServiceLoader,
 * which sees jars in the EAR's {@code lib/} and in shared libraries) and those that are CDI beans;
 * with the resolver and binder that turn an app into a configured plugin.
 */
@ApplicationScoped
public class PluginCatalog {
  private PluginRegistry registry;
  private PluginResolver resolver;
  private ConfigBinder binder;

  /** For CDI's proxy. */
  protected PluginCatalog() {}

  @Inject
  public PluginCatalog(LauncherConfig config, @Any Instance<LauncherPlugin<?>> beans) {
    List<LauncherPlugin<?>> fromCdi = new ArrayList<>();
    beans.forEach(fromCdi::add);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    this.registry =
        PluginRegistry.discover(
            loader == null ? PluginCatalog.class.getClassLoader() : loader, fromCdi);
    this.resolver = new PluginResolver(registry, config.products());
    this.binder = ConfigBinder.withDefaultValidator();
  }

  public PluginRegistry registry() {
    return registry;
  }

  public PluginResolver resolver() {
    return resolver;
  }

  public ConfigBinder binder() {
    return binder;
  }
}
