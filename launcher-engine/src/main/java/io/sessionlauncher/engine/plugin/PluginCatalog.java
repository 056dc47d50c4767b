package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.engine.plugin.describe.PluginDescriber;
import io.sessionlauncher.engine.plugin.describe.ProductDescription;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.ProductDefaults;
import io.sessionlauncher.spi.LauncherPlugin;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The launcher's plugins inside a container: those on the application's class path (ServiceLoader,
 * which sees jars in the EAR's {@code lib/} and in shared libraries) and those that are CDI beans;
 * with the resolver and binder that turn an app into a configured plugin, and their description.
 * Configurations are checked, and constraints described, with the validator of {@link
 * PluginValidation}, whose factory the container closes with the application. Where MicroProfile
 * Config names a {@link PluginFolder} ({@value PluginFolder#PROPERTY}), its jars are searched too.
 */
@ApplicationScoped
public class PluginCatalog {
  private static final Logger LOG = Logger.getLogger(PluginCatalog.class.getName());

  private PluginFolder folder;
  private PluginRegistry registry;
  private volatile PluginResolver resolver;
  private ConfigBinder binder;
  private PluginDescriber describer;

  /** For CDI's proxy. */
  protected PluginCatalog() {}

  @Inject
  public PluginCatalog(
      LauncherConfig config, @Any Instance<LauncherPlugin<?>> beans, PluginValidation validation) {
    List<LauncherPlugin<?>> fromCdi = new ArrayList<>();
    beans.forEach(fromCdi::add);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = PluginCatalog.class.getClassLoader();
    }
    String folderName =
        ConfigProvider.getConfig(loader)
            .getOptionalValue(PluginFolder.PROPERTY, String.class)
            .orElse("");
    if (!folderName.isBlank()) {
      this.folder = PluginFolder.open(Path.of(folderName), loader);
      loader = folder.loader();
      LOG.info("Plugins from the folder " + folder.folder() + ": " + folder.jars());
    }
    this.registry = PluginRegistry.discover(loader, fromCdi);
    this.resolver = new PluginResolver(registry, config.products());
    Validator validator = validation.validator();
    this.binder = new ConfigBinder(validator);
    this.describer = new PluginDescriber(validator);
  }

  /** Releases the plugins folder's jars, if one was named. */
  @PreDestroy
  void close() {
    if (folder != null) {
      folder.close();
    }
  }

  public PluginRegistry registry() {
    return registry;
  }

  public PluginResolver resolver() {
    return resolver;
  }

  /** A resolver over {@code products} instead of the stored configurations in force. */
  public PluginResolver resolverFor(Map<String, ProductDefaults> products) {
    return new PluginResolver(registry, products);
  }

  /** Resolves with {@code products} from now on: a reloaded configuration's stored ones. */
  public void useProducts(Map<String, ProductDefaults> products) {
    this.resolver = resolverFor(products);
  }

  public ConfigBinder binder() {
    return binder;
  }

  /** Every plugin found, by product and mode, as {@code GET /plugins} shows them. */
  public List<ProductDescription> describe() {
    return describer.describe(registry.all());
  }
}
