package io.sessionlauncher.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.plugin.builtin.HttpServerPlugin;
import io.sessionlauncher.engine.testing.FixedConfig;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.ProductLauncher;
import io.sessionlauncher.spi.ServerType;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog as the container builds it: ServiceLoader plugins, CDI bean plugins, products. */
class PluginCatalogTest {
  @TempDir Path folder;

  /** A plugin that is a CDI bean only: no services file names it. */
  public static class BeanPlugin implements LauncherPlugin<DiscoveryPlugins.Empty> {
    @Override
    public String product() {
      return "bean-tool";
    }

    @Override
    public String mode() {
      return "local";
    }

    @Override
    public Class<DiscoveryPlugins.Empty> configType() {
      return DiscoveryPlugins.Empty.class;
    }

    @Override
    public Map<String, ServerType> serverSpec() {
      return Map.of();
    }

    @Override
    public ProductLauncher create(DiscoveryPlugins.Empty config, LaunchContext context) {
      throw new UnsupportedOperationException("discovery only");
    }
  }

  private WeldContainer container(LauncherConfig config) {
    // Beans are listed one by one: the test plugin classes of this package must not become beans.
    return new Weld("plugins-" + UUID.randomUUID())
        .disableDiscovery()
        .addBeanClasses(PluginCatalog.class, PluginValidation.class, BeanPlugin.class)
        .addExtension(new FixedConfig(config))
        .skipShutdownHook()
        .initialize();
  }

  @Test
  void findsServiceLoaderPluginsAndBeanPluginsAndResolvesWithTheProductsSection() {
    LauncherConfig config =
        LauncherJson.in(folder)
            .resource("127.0.0.1", 20000, 20001)
            .set("products.http-server.launch_mode", "local")
            .set("products.http-server.configs.local.directory", folder.toString())
            .load();

    try (WeldContainer container = container(config)) {
      PluginCatalog catalog = container.select(PluginCatalog.class).get();

      assertTrue(catalog.registry().find("bean-tool", "local").isPresent(), "the CDI bean");
      assertTrue(catalog.registry().find("process", "local").isPresent(), "a built-in plugin");
      PluginResolver.Resolved resolved = catalog.resolver().resolve("http-server", null, null);
      assertEquals(HttpServerPlugin.class, resolved.plugin().getClass());
      assertEquals(Map.of("directory", folder.toString()), resolved.values());
      HttpServerPlugin.Config bound =
          catalog.binder().bind(new HttpServerPlugin(), resolved.values());
      assertEquals(folder, bound.directory());
    }
  }
}
