package io.sessionlauncher.rest.plugins;

import io.sessionlauncher.engine.plugin.describe.FieldDescription;
import io.sessionlauncher.engine.plugin.describe.ModeDescription;
import io.sessionlauncher.engine.plugin.describe.ProductDescription;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /plugins}: the engine's description of the plugins as plain maps and
 * lists for the JSON writer.
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
 * Products and modes are sorted by name; fields keep the order of the configuration record. A field
 * has {@code values} when it is an enum, {@code description} when it has one, and {@code default}
 * when its plugin has a default configuration.
 */
final class PluginListing {
  private PluginListing() {}

  static Map<String, Object> of(List<ProductDescription> products) {
    List<Object> listed = new ArrayList<>();
    for (ProductDescription product : products) {
      List<Object> modes = new ArrayList<>();
      product.modes().forEach(mode -> modes.add(mode(mode)));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("product", product.product());
      entry.put("modes", modes);
      listed.add(entry);
    }
    return Map.of("products", listed);
  }

  private static Map<String, Object> mode(ModeDescription description) {
    Map<String, Object> servers = new LinkedHashMap<>();
    description.servers().forEach((key, type) -> servers.put(key, type.name()));
    List<Object> fields = new ArrayList<>();
    description.fields().forEach(field -> fields.add(field(field)));
    Map<String, Object> mode = new LinkedHashMap<>();
    mode.put("mode", description.mode());
    mode.put("plugin", description.plugin());
    mode.put("servers", servers);
    mode.put("fields", fields);
    return mode;
  }

  private static Map<String, Object> field(FieldDescription description) {
    Map<String, Object> field = new LinkedHashMap<>();
    field.put("name", description.name());
    field.put("type", description.type());
    if (description.type().equals("enum")) {
      field.put("values", description.values());
    }
    if (description.description() != null) {
      field.put("description", description.description());
    }
    if (description.hasDefault()) {
      field.put(
          "default",
          description.defaultValue() == null ? JsonValue.NULL : description.defaultValue());
    }
    field.put("constraints", description.constraints());
    return field;
  }
}
