package io.sessionlauncher.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole {@code launcher.json}, checked and typed.
 *
 * @param source the file it was read from, or {@code null} if built in memory
 * @param configuration the {@code configuration} section
 * @param resources the pool's ranges, in file order
 * @param properties extra template variables
 * @param apps applications by name, in file order
 * @param sessionData templates of extra session keys, in file order
 * @param products stored plugin configurations by product (the optional {@code products} section)
 */
public record LauncherConfig(
    Path source,
    ServerSettings configuration,
    List<ResourceRange> resources,
    Map<String, String> properties,
    Map<String, AppConfig> apps,
    Map<String, String> sessionData,
    Map<String, ProductDefaults> products) {
  public LauncherConfig {
    Objects.requireNonNull(configuration, "configuration");
    resources = List.copyOf(resources);
    properties = ordered(properties);
    apps = ordered(apps);
    sessionData = ordered(sessionData);
    products = ordered(products);
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** The application of that name, if configured. */
  public Optional<AppConfig> app(String name) {
    return Optional.ofNullable(apps.get(name));
  }
}
