package io.sessionlauncher.rest;

import io.sessionlauncher.spi.LauncherPlugin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer of {@code GET /plugins}, as plain maps and lists for {@link Json}:
 *
 * <pre>{@code
 * {"products": [
 *   {"product": "greeter",
 *    "modes": [
 *      {"mode": "local", "plugin": "greeter.local", "servers": {"main": "GENERIC"},
 *       "fields": [{"name": "greeting", "type": "string", "description": "...",
 *                   "default": "Hello", "constraints": ["@NotBlank", "@Size(max=200)"]}]}]}]}
 * }</pre>
 *
 * Products and modes are sorted by name; fields keep the order of the configuration record.
 */
final class PluginListing {
  private PluginListing() {}

  static Map<String, Object> of(List<LauncherPlugin<?>> plugins) {
    Map<String, List<LauncherPlugin<?>>> byProduct = new TreeMap<>();
    for (LauncherPlugin<?> plugin : plugins) {
      byProduct.computeIfAbsent(plugin.product(), product -> new ArrayList<>()).add(plugin);
    }
    List<Object> products = new ArrayList<>();
    byProduct.forEach(
        (product, modes) -> {
          modes.sort(Comparator.comparing(LauncherPlugin::mode));
          List<Object> described = new ArrayList<>();
          modes.forEach(plugin -> described.add(mode(plugin)));
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("product", product);
          entry.put("modes", described);
          products.add(entry);
        });
    return Map.of("products", products);
  }

  private static Map<String, Object> mode(LauncherPlugin<?> plugin) {
    Map<String, Object> servers = new TreeMap<>();
    plugin.serverSpec().forEach((key, type) -> servers.put(key, type.name()));
    Map<String, Object> mode = new LinkedHashMap<>();
    mode.put("mode", plugin.mode());
    mode.put("plugin", plugin.name());
    mode.put("servers", servers);
    mode.put("fields", ConfigFields.of(plugin));
    return mode;
  }
}
