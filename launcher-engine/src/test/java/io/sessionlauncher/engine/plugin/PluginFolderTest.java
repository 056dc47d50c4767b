package io.sessionlauncher.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.spi.LauncherPlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugins folder read by the launcher's own class loader over the application's. */
class PluginFolderTest {
  private static final String SERVICES = "META-INF/services/" + LauncherPlugin.class.getName();

  @TempDir Path folder;

  @Test
  void pluginsListedInTheFolderJarsAreFoundAndOnlyThere() throws IOException {
    writeJar(folder.resolve("bean-tool.jar"), PluginCatalogTest.BeanPlugin.class.getName());
    Files.writeString(folder.resolve("notes.txt"), "not a jar");
    ClassLoader application = getClass().getClassLoader();

    assertTrue(
        PluginRegistry.discover(application, List.of()).find("bean-tool", "local").isEmpty(),
        "no services file of the application names the plugin");
    try (PluginFolder plugins = PluginFolder.open(folder, application)) {
      assertEquals(1, plugins.jars().size(), plugins.jars().toString());
      PluginRegistry registry = PluginRegistry.discover(plugins.loader(), List.of());
      assertTrue(registry.find("bean-tool", "local").isPresent(), registry.skipped().toString());
      // The built-in plugins the application has are still found through the parent.
      assertTrue(registry.find("process", "local").isPresent());
    }
  }

  @Test
  void closingReleasesTheJars() throws IOException {
    writeJar(folder.resolve("bean-tool.jar"), PluginCatalogTest.BeanPlugin.class.getName());
    PluginFolder plugins = PluginFolder.open(folder, getClass().getClassLoader());
    assertFalse(
        plugins.loader().getResource(SERVICES) == null, "the folder's services file is seen");

    plugins.close();

    assertNull(((java.net.URLClassLoader) plugins.loader()).findResource(SERVICES));
  }

  @Test
  void aMissingFolderIsAConfigurationErrorNamingTheKey() {
    Path missing = folder.resolve("no-such-folder");

    ConfigurationException error =
        assertThrows(
            ConfigurationException.class,
            () -> PluginFolder.open(missing, getClass().getClassLoader()));

    assertEquals(PluginFolder.PROPERTY, error.key());
    assertTrue(error.getMessage().contains("nothing at " + missing), error.getMessage());
  }

  @Test
  void aFileInsteadOfAFolderIsAConfigurationError() throws IOException {
    Path file = Files.writeString(folder.resolve("plugins"), "");

    ConfigurationException error =
        assertThrows(
            ConfigurationException.class,
            () -> PluginFolder.open(file, getClass().getClassLoader()));

    assertTrue(error.getMessage().contains("a file " + file), error.getMessage());
  }

  private static void writeJar(Path jar, String pluginClass) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream entries = new JarOutputStream(out)) {
      entries.putNextEntry(new JarEntry(SERVICES));
      entries.write((pluginClass + "\n").getBytes(StandardCharsets.UTF_8));
      entries.closeEntry();
    }
  }
}
