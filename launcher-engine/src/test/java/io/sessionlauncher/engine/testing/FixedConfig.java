package io.sessionlauncher.engine.testing;

import io.sessionlauncher.model.LauncherConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;

/**
 * A CDI extension offering a test's configuration as the {@link LauncherConfig} bean; an
 * alternative, so it wins over the producer that reads the file named by the property.
 */
public final class FixedConfig implements Extension {
  private final LauncherConfig config;

  public FixedConfig(LauncherConfig config) {
    this.config = config;
  }

  void addConfig(@Observes AfterBeanDiscovery event) {
    event
        .addBean()
        .beanClass(FixedConfig.class)
        .types(LauncherConfig.class, Object.class)
        .scope(Singleton.class)
        .alternative(true)
        .priority(1000)
        .createWith(context -> config);
  }
}
