package io.sessionlauncher.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the optional top-level {@code "products"} section, in the format of the reference's
 * plugin configuration file: {@code {"launch_mode": "<mode>", "configs": {"<mode>": {...}}}}.
 *
 * @param product the product's name
 * @param launchMode the default mode, or {@code null}; when absent the first configured mode is the
 *     default, as in the reference
 * @param configs stored configurations by mode, as plain JSON values
 */
public record ProductDefaults(
    String product, String launchMode, Map<String, Map<String, Object>> configs) {
  public ProductDefaults {
    Objects.requireNonNull(product, "product");
    configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
    if (launchMode == null && !configs.isEmpty()) {
      launchMode = configs.keySet().iterator().next();
    }
  }
}
