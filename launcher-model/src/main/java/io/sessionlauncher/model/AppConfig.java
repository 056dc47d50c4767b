package io.sessionlauncher.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code apps}: which plugin starts a session of this application, with what
 * configuration, within which limits. An entry with {@code cmd} is the {@value #PROCESS_PRODUCT}
 * plugin's; any other names its {@code product} (and optionally {@code mode}) and {@code config}.
 *
 * @param name the key under {@code apps}, as clients name it in {@code "application"}
 * @param product the plugin's product
 * @param mode the plugin's mode, or {@code null} to resolve it (product default, then fallback)
 * @param config the plugin's configuration as plain JSON values, whose strings are templates; or
 *     {@code null} to use the product's stored configuration or the plugin's defaults
 * @param limits per-application limits
 * @param roles groups (or roles) one of which a caller must be in to launch it ({@code roles}),
 *     e.g. for a licensed product; empty for every launcher user
 */
public record AppConfig(
    String name,
    String product,
    String mode,
    Map<String, Object> config,
    AppLimits limits,
    List<String> roles) {

  /** Product of the command-line process plugin, which {@code cmd} entries use. */
  public static final String PROCESS_PRODUCT = "process";

  /** Mode of the built-in command-line process plugin. */
  public static final String PROCESS_MODE = "local";

  public AppConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(limits, "limits");
    config = config == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    roles = List.copyOf(roles);
  }

  /** An app any launcher user may launch. */
  public AppConfig(
      String name, String product, String mode, Map<String, Object> config, AppLimits limits) {
    this(name, product, mode, config, limits, List.of());
  }

  /** A command-line app as the reference launcher knows them. */
  public static AppConfig command(String name, List<String> cmd, String readyLine) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("cmd", List.copyOf(cmd));
    if (readyLine != null && !readyLine.isEmpty()) {
      config.put("ready_line", readyLine);
    }
    return new AppConfig(name, PROCESS_PRODUCT, PROCESS_MODE, config, AppLimits.NONE);
  }

  /** This app with other limits. */
  public AppConfig withLimits(AppLimits newLimits) {
    return new AppConfig(name, product, mode, config, newLimits, roles);
  }

  /** This app, launched only by members of {@code newRoles} (any launcher user when empty). */
  public AppConfig withRoles(List<String> newRoles) {
    return new AppConfig(name, product, mode, config, limits, newRoles);
  }
}
