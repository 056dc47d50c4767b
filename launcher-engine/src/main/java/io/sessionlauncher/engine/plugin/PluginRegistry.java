package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.spi.LauncherPlugin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Every plugin that could be loaded, by {@code <product>.<mode>}. A plugin that fails to load, or
 * answers its name with an error, is skipped with a warning naming it; the others are unaffected.
 * When two plugins claim one name, the first found keeps it.
 */
public final class PluginRegistry {
  private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

  private final Map<String, LauncherPlugin<?>> plugins;
  private final List<String> skipped;

  private PluginRegistry(Map<String, LauncherPlugin<?>> plugins, List<String> skipped) {
    this.plugins = Collections.unmodifiableMap(plugins);
    this.skipped = List.copyOf(skipped);
  }

  /** The plugins on the class path of {@code loader} (ServiceLoader) followed by {@code more}. */
  public static PluginRegistry discover(ClassLoader loader, Iterable<LauncherPlugin<?>> more) {
    Map<String, LauncherPlugin<?>> found = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    @SuppressWarnings({"rawtypes", "unchecked"})
    Iterator<LauncherPlugin<?>> services =
        (Iterator) ServiceLoader.load(LauncherPlugin.class, loader).iterator();
    while (true) {
      LauncherPlugin<?> plugin;
      try {
        if (!services.hasNext()) {
          break;
        }
        plugin = services.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        String reason = e.getMessage();
        LOG.warning("Skipping a plugin that failed to load: " + reason);
        skipped.add(reason);
        continue;
      }
      add(found, skipped, plugin);
    }
    for (LauncherPlugin<?> plugin : more) {
      add(found, skipped, plugin);
    }
    return new PluginRegistry(found, skipped);
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
      plugin.configType().getRecordComponents();
      plugin.serverSpec();
    } catch (RuntimeException | LinkageError e) {
      String reason = plugin.getClass().getName() + ": " + e;
      LOG.warning("Skipping plugin " + reason);
      skipped.add(reason);
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
