package io.sessionlauncher.engine.session;

import java.util.Map;
import java.util.Objects;

/**
 * What finds a session's product again after a restart when it has no local process: the plugin's
 * {@link io.sessionlauncher.spi.ProductLauncher#reference()} (a batch job's id) and the
 * configuration values the session was started with, which the plugin needs to look for it.
 *
 * @param value the plugin's reference
 * @param pluginConfig the session's plugin configuration values
 */
public record ProductReference(String value, Map<String, Object> pluginConfig) {
  public ProductReference {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(pluginConfig, "pluginConfig");
  }
}
