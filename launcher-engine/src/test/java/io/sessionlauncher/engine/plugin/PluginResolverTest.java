package io.sessionlauncher.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.model.ProductDefaults;
import io.sessionlauncher.spi.PluginException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mode resolution, branch by branch: the mode asked for, else the product's default (set, or the
 * first mode configured), else the fallback, else an error naming the product.
 */
class PluginResolverTest {
  private static final ClassLoader NO_SERVICES = new ClassLoader(null) {};

  private final StubPlugin<?> toolA = StubPlugin.named("tool", "a");
  private final StubPlugin<?> toolB = StubPlugin.named("tool", "b");
  private final StubPlugin<?> toolFallback = StubPlugin.named("tool", "__fallback__");
  private final StubPlugin<?> bareLocal = StubPlugin.named("bare", "local");

  private final PluginRegistry registry =
      PluginRegistry.discover(NO_SERVICES, List.of(toolA, toolB, toolFallback, bareLocal));

  @TempDir Path folder;

  private PluginResolver resolver(ProductDefaults... products) {
    Map<String, ProductDefaults> byName = new LinkedHashMap<>();
    for (ProductDefaults product : products) {
      byName.put(product.product(), product);
    }
    return new PluginResolver(registry, byName);
  }

  private static Map<String, Map<String, Object>> configs(Object... modeAndValues) {
    Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
    for (int i = 0; i < modeAndValues.length; i += 2) {
      @SuppressWarnings("unchecked")
      Map<String, Object> values = (Map<String, Object>) modeAndValues[i + 1];
      configs.put((String) modeAndValues[i], values);
    }
    return configs;
  }

  @Test
  void theModeAskedForWinsWithTheValuesGiven() {
    PluginResolver resolver =
        resolver(new ProductDefaults("tool", "b", configs("a", Map.of("stored", 1))));

    PluginResolver.Resolved resolved = resolver.resolve("tool", "a", Map.of("given", 2));

    assertSame(toolA, resolved.plugin());
    assertEquals(Map.of("given", 2), resolved.values());
  }

  @Test
  void theModeAskedForWithoutValuesTakesItsStoredConfiguration() {
    PluginResolver resolver =
        resolver(new ProductDefaults("tool", "b", configs("a", Map.of("stored", 1))));

    assertEquals(Map.of("stored", 1), resolver.resolve("tool", "a", null).values());
  }

  @Test
  void aModeWithoutStoredConfigurationLeavesThePluginDefaults() {
    PluginResolver resolver =
        resolver(new ProductDefaults("tool", "b", configs("a", Map.of("stored", 1))));

    PluginResolver.Resolved resolved = resolver.resolve("tool", "b", null);

    assertSame(toolB, resolved.plugin());
    assertNull(resolved.values(), "null: the binder uses the plugin's defaults");
  }

  @Test
  void withoutAModeTheProductsDefaultModeIsUsedRatherThanTheFallback() {
    PluginResolver resolver =
        resolver(new ProductDefaults("tool", "b", configs("b", Map.of("stored", 3))));

    PluginResolver.Resolved resolved = resolver.resolve("tool", null, null);

    assertSame(toolB, resolved.plugin());
    assertEquals(Map.of("stored", 3), resolved.values());
  }

  @Test
  void withoutADefaultModeTheFirstConfiguredModeIsTheDefault() {
    PluginResolver resolver =
        resolver(
            new ProductDefaults(
                "tool", null, configs("b", Map.of("first", true), "a", Map.of("second", true))));

    PluginResolver.Resolved resolved = resolver.resolve("tool", null, null);

    assertSame(toolB, resolved.plugin());
    assertEquals(Map.of("first", true), resolved.values());
  }

  @Test
  void theFirstConfiguredModeIsTheDefaultInLauncherJsonToo() {
    LauncherJson json = LauncherJson.in(folder).resource("127.0.0.1", 20000, 20001);
    json.set("products.tool.configs.b.first", true).set("products.tool.configs.a.second", true);
    PluginResolver resolver = new PluginResolver(registry, json.load().products());

    PluginResolver.Resolved resolved = resolver.resolve("tool", null, null);

    assertSame(toolB, resolved.plugin());
    assertEquals(Map.of("first", true), resolved.values());
  }

  @Test
  void withNothingConfiguredTheFallbackIsUsedWithTheValuesGiven() {
    PluginResolver resolver = resolver();

    PluginResolver.Resolved none = resolver.resolve("tool", null, null);
    PluginResolver.Resolved some = resolver.resolve("tool", null, Map.of("given", 1));

    assertSame(toolFallback, none.plugin());
    assertNull(none.values());
    assertSame(toolFallback, some.plugin());
    assertEquals(Map.of("given", 1), some.values());
  }

  @Test
  void aProductEntryWithNoModesAtAllFallsBack() {
    PluginResolver resolver = resolver(new ProductDefaults("tool", null, Map.of()));

    assertSame(toolFallback, resolver.resolve("tool", null, null).plugin());
  }

  @Test
  void withNoModeAndNoFallbackTheErrorNamesTheProduct() {
    PluginException error =
        assertThrows(PluginException.class, () -> resolver().resolve("bare", null, null));

    assertEquals(
        "No launch mode configured for product 'bare' and it has no fallback plugin",
        error.getMessage());
  }

  @Test
  void anUnknownProductIsAnErrorNamingIt() {
    PluginException error =
        assertThrows(PluginException.class, () -> resolver().resolve("nothing", null, null));

    assertEquals(
        "No launch mode configured for product 'nothing' and it has no fallback plugin",
        error.getMessage());
  }

  @Test
  void anUnknownModeAskedForIsAnErrorNamingProductAndMode() {
    PluginException error =
        assertThrows(PluginException.class, () -> resolver().resolve("tool", "remote", null));

    assertEquals("No plugin for product 'tool' in mode 'remote'", error.getMessage());
  }

  @Test
  void anUnknownDefaultModeIsAnErrorNamingProductAndMode() {
    PluginResolver resolver = resolver(new ProductDefaults("tool", "cloud", Map.of()));

    PluginException error =
        assertThrows(PluginException.class, () -> resolver.resolve("tool", null, null));

    assertEquals("No plugin for product 'tool' in mode 'cloud'", error.getMessage());
  }
}
