package io.sessionlauncher.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.plugin.builtin.HttpServerFallbackPlugin;
import io.sessionlauncher.engine.plugin.builtin.HttpServerPlugin;
import io.sessionlauncher.engine.plugin.builtin.ProcessPlugin;
import io.sessionlauncher.spi.LauncherPlugin;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding plugins with {@link java.util.ServiceLoader} over a jar-like folder of a test's own, as a
 * third party's jar would bring them, and beside plugins given directly (as CDI gives them).
 */
class PluginRegistryTest {
  private static final String SERVICES = "META-INF/services/" + LauncherPlugin.class.getName();

  @TempDir Path folder;

  /** A class loader that sees the engine's plugins and a services file listing {@code lines}. */
  private URLClassLoader withServices(String... lines) throws IOException {
    Path file = folder.resolve(SERVICES);
    Files.createDirectories(file.getParent());
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return new URLClassLoader(new URL[] {folder.toUri().toURL()}, getClass().getClassLoader());
  }

  private static Map<String, Class<?>> byName(PluginRegistry registry) {
    Map<String, Class<?>> names = new TreeMap<>();
    registry.all().forEach(plugin -> names.put(plugin.name(), plugin.getClass()));
    return names;
  }

  @Test
  void builtInPluginsAreFoundOnTheClassPath() {
    PluginRegistry registry = PluginRegistry.discover();

    assertEquals(ProcessPlugin.class, registry.find("process", "local").orElseThrow().getClass());
    assertEquals(
        HttpServerPlugin.class, registry.find("http-server", "local").orElseThrow().getClass());
    assertEquals(
        HttpServerFallbackPlugin.class,
        registry.find("http-server", "__fallback__").orElseThrow().getClass());
    assertEquals(List.of(), registry.skipped());
  }

  @Test
  void brokenPluginsAreSkippedWithAWarningNamingThemAndTheOthersAreFound() throws Exception {
    String prefix = DiscoveryPlugins.class.getName() + "$";
    try (URLClassLoader loader =
            withServices(
                "# a third party's services file",
                "com.example.NoSuchPlugin",
                prefix + "ThrowsInConstructor",
                prefix + "ThrowsInProduct",
                prefix + "NotAPlugin",
                prefix + "ThrowsInServerSpec",
                prefix + "Good");
        LogRecorder log = LogRecorder.of(PluginRegistry.class)) {

      PluginRegistry registry = PluginRegistry.discover(loader, List.of());

      assertEquals(
          Map.of(
              "http-server.__fallback__", HttpServerFallbackPlugin.class,
              "http-server.local", HttpServerPlugin.class,
              "process.local", ProcessPlugin.class,
              "tool.good", DiscoveryPlugins.Good.class),
          byName(registry),
          "the broken ones listed before the good one did not stop the search");
      List<String> broken =
          List.of(
              "com.example.NoSuchPlugin",
              prefix + "ThrowsInConstructor",
              prefix + "ThrowsInProduct",
              prefix + "NotAPlugin",
              prefix + "ThrowsInServerSpec");
      assertEquals(broken.size(), registry.skipped().size(), registry.skipped().toString());
      assertEquals(broken.size(), log.warnings().size(), log.warnings().toString());
      for (int i = 0; i < broken.size(); i++) {
        String name = broken.get(i);
        assertTrue(registry.skipped().get(i).contains(name), registry.skipped().get(i));
        assertTrue(log.warnings().get(i).contains(name), log.warnings().get(i));
      }
    }
  }

  @Test
  void aPluginThatCannotSeeThePluginInterfaceIsSkippedNamingIt() throws Exception {
    String good = DiscoveryPlugins.class.getName() + "$Good";
    withServices(good).close();
    URL testClasses = DiscoveryPlugins.class.getProtectionDomain().getCodeSource().getLocation();
    // The plugin's classes are visible, the launcher's are not: a jar in a class loader of its own,
    // as in an application server's common library.
    try (URLClassLoader isolated =
            new URLClassLoader(
                new URL[] {folder.toUri().toURL(), testClasses},
                ClassLoader.getPlatformClassLoader());
        LogRecorder log = LogRecorder.of(PluginRegistry.class)) {

      PluginRegistry registry = PluginRegistry.discover(isolated, List.of());

      assertEquals(List.of(), registry.all());
      assertEquals(1, log.warnings().size(), log.warnings().toString());
      String warning = log.warnings().get(0);
      assertTrue(warning.contains(good), warning);
      assertTrue(warning.contains("NoClassDefFoundError"), warning);
      assertTrue(warning.contains("io/sessionlauncher/spi/LauncherPlugin"), warning);
    }
  }

  @Test
  void aClassListedTwiceIsLoadedOnce() throws Exception {
    String good = DiscoveryPlugins.class.getName() + "$Good";
    try (URLClassLoader loader = withServices(good, "  " + good + "  # again");
        LogRecorder log = LogRecorder.of(PluginRegistry.class)) {
      PluginRegistry registry = PluginRegistry.discover(loader, List.of());

      assertTrue(registry.find("tool", "good").isPresent());
      assertEquals(List.of(), log.warnings());
    }
  }

  @Test
  void pluginsGivenDirectlyAreAddedAndABrokenOneIsSkipped() throws Exception {
    try (URLClassLoader loader = withServices();
        LogRecorder log = LogRecorder.of(PluginRegistry.class)) {
      PluginRegistry registry =
          PluginRegistry.discover(
              loader,
              List.of(new DiscoveryPlugins.ThrowsInProduct(), StubPlugin.named("cdi", "local")));

      assertTrue(registry.find("cdi", "local").isPresent());
      assertEquals(1, registry.skipped().size());
      assertTrue(log.warnings().get(0).contains("ThrowsInProduct"), log.warnings().toString());
    }
  }

  @Test
  void theFirstPluginFoundKeepsANameClaimedTwice() throws Exception {
    try (URLClassLoader loader = withServices(DiscoveryPlugins.class.getName() + "$Impostor");
        LogRecorder log = LogRecorder.of(PluginRegistry.class)) {
      PluginRegistry registry = PluginRegistry.discover(loader, List.of());

      assertEquals(
          HttpServerPlugin.class, registry.find("http-server", "local").orElseThrow().getClass());
      assertEquals(1, log.warnings().size(), log.warnings().toString());
      assertTrue(log.warnings().get(0).contains("Impostor"), log.warnings().get(0));
      assertTrue(log.warnings().get(0).contains("http-server.local"), log.warnings().get(0));
    }
  }

  @Test
  void unknownNamesAreNotFound() {
    PluginRegistry registry = PluginRegistry.discover();

    assertTrue(registry.find("http-server", "remote").isEmpty());
    assertTrue(registry.find("nothing", "local").isEmpty());
  }
}
