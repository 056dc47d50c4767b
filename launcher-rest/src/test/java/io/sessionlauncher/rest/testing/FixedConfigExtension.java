package io.sessionlauncher.rest.testing;

import io.sessionlauncher.model.LauncherConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;

/** Offers a given {@link LauncherConfig} as a bean, in place of the file-reading producer. */
public final class FixedConfigExtension implements Extension {
  private final LauncherConfig config;

  public FixedConfigExtension(LauncherConfig config) {
    this.config = config;
  }

  void addConfig(@Observes AfterBeanDiscovery discovery) {
    discovery
        .addBean()
        .types(LauncherConfig.class, Object.class)
        .scope(Singleton.class)
        .createWith(context -> config);
  }
}
