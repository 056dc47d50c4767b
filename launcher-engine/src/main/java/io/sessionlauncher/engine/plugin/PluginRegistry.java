package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.spi.LauncherPlugin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Every plugin that could be loaded, by {@code <product>.<mode>}. A plugin that fails to load, or
 * answers its name with an error, is skipped with a warning naming it; the others are unaffected.
 * When two plugins claim one name, the first found keeps it.
 */
public final class PluginRegistry {
  private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());
  private static final String SERVICES = "META-INF/services/" + LauncherPlugin.class.getName();

  private final Map<String, LauncherPlugin<?>> plugins;
  private final List<String> skipped;

  private PluginRegistry(Map<String, LauncherPlugin<?>> plugins, List<String> skipped) {
    this.plugins = Collections.unmodifiableMap(plugins);
    this.skipped = List.copyOf(skipped);
  }

  /**
   * The plugins named in the {@link java.util.ServiceLoader} files on the class path of {@code
   * loader}, followed by {@code more}.
   */
  public static PluginRegistry discover(ClassLoader loader, Iterable<LauncherPlugin<?>> more) {
    Map<String, LauncherPlugin<?>> found = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    for (Map.Entry<String, URL> provider : providers(loader, skipped).entrySet()) {
      LauncherPlugin<?> plugin =
          instantiate(provider.getKey(), loader, provider.getValue(), skipped);
      if (plugin != null) {
        add(found, skipped, plugin);
      }
    }
    for (LauncherPlugin<?> plugin : more) {
      add(found, skipped, plugin);
    }
    return new PluginRegistry(found, skipped);
  }

  /**
   * The class names the services files list, each with the file that lists it first. The files are
   * read here rather than through {@link java.util.ServiceLoader}, whose errors for a class that
   * cannot be linked (a plugin jar that cannot see the plugin interface, say) do not name it.
   */
  private static Map<String, URL> providers(ClassLoader loader, List<String> skipped) {
    Map<String, URL> names = new LinkedHashMap<>();
    Enumeration<URL> files;
    try {
      files = loader.getResources(SERVICES);
    } catch (IOException e) {
      skip(skipped, "the plugin lists " + SERVICES + " cannot be searched: " + e);
      return names;
    }
    for (URL file : Collections.list(files)) {
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          int comment = line.indexOf('#');
          String name = (comment < 0 ? line : line.substring(0, comment)).trim();
          if (!name.isEmpty()) {
            names.putIfAbsent(name, file);
          }
        }
      } catch (IOException e) {
        skip(skipped, "the plugin list " + file + " cannot be read: " + e);
      }
    }
    return names;
  }

  private static LauncherPlugin<?> instantiate(
      String name, ClassLoader loader, URL file, List<String> skipped) {
    try {
      Class<?> type = Class.forName(name, false, loader);
      if (!LauncherPlugin.class.isAssignableFrom(type)) {
        throw new ClassCastException("not a " + LauncherPlugin.class.getName());
      }
      return (LauncherPlugin<?>) type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      skip(skipped, name + " (listed in " + file + "): " + e.getCause());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      skip(skipped, name + " (listed in " + file + "): " + e);
    }
    return null;
  }

  private static void skip(List<String> skipped, String reason) {
    LOG.warning("Skipping plugin " + reason);
    skipped.add(reason);
  }

  /** The plugins visible to this class's loader and the thread's context loader. */
  public static PluginRegistry discover() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return discover(loader == null ? PluginRegistry.class.getClassLoader() : loader, List.of());
  }

  private static void add(
      Map<String, LauncherPlugin<?>> found, List<String> skipped, LauncherPlugin<?> plugin) {
    String name;
    try {
      name = plugin.name();
      // Resolves the config record's component types now: a missing class skips the plugin here.
      var unused = plugin.configType().getRecordComponents();
      plugin.serverSpec();
    } catch (RuntimeException | LinkageError e) {
      skip(skipped, plugin.getClass().getName() + ": " + e);
      return;
    }
    LauncherPlugin<?> earlier = found.putIfAbsent(name, plugin);
    if (earlier != null && earlier.getClass() != plugin.getClass()) {
      LOG.warning(
          "Plugin "
              + name
              + " of "
              + plugin.getClass().getName()
              + " ignored: "
              + earlier.getClass().getName()
              + " has that name");
    }
  }

  /** The plugin {@code <product>.<mode>}, if loaded. */
  public Optional<LauncherPlugin<?>> find(String product, String mode) {
    return Optional.ofNullable(plugins.get(product + "." + mode));
  }

  /** Every loaded plugin, in discovery order. */
  public List<LauncherPlugin<?>> all() {
    return List.copyOf(plugins.values());
  }

  /** Why plugins were skipped, one line each. */
  public List<String> skipped() {
    return skipped;
  }
}
