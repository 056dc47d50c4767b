package io.sessionlauncher.engine.plugin.describe;

import io.sessionlauncher.spi.ServerType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One plugin: a mode of a product, the servers each instance exposes and its configuration fields.
 *
 * @param mode the mode's name
 * @param plugin the plugin's name, {@code <product>.<mode>}
 * @param servers the servers of the plugin's spec, sorted by key
 * @param fields the configuration record's fields, in the record's order
 */
public record ModeDescription(
    String mode, String plugin, Map<String, ServerType> servers, List<FieldDescription> fields) {
  public ModeDescription {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(plugin, "plugin");
    servers = Collections.unmodifiableMap(new TreeMap<>(servers));
    fields = List.copyOf(fields);
  }
}
