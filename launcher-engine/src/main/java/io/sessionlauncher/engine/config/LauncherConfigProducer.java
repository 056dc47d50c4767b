package io.sessionlauncher.engine.config;

import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.model.LauncherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes the active {@link LauncherConfig} injectable. The file's path comes from MicroProfile
 * Config under {@value #PATH_PROPERTY}, so a {@code server.xml} variable, a system property or the
 * environment variable {@code LAUNCHER_CONFIG} sets it.
 */
@ApplicationScoped
public class LauncherConfigProducer {

  /** Configuration property holding the path of {@code launcher.json}. */
  public static final String PATH_PROPERTY = "launcher.config";

  @Inject ConfigLoader loader;

  @Produces
  @Singleton
  LauncherConfig launcherConfig() {
    Config config = ConfigProvider.getConfig();
    String path =
        config
            .getOptionalValue(PATH_PROPERTY, String.class)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        null,
                        "",
                        "no configuration file given: set the property '"
                            + PATH_PROPERTY
                            + "' (server.xml variable, system property) or the environment"
                            + " variable LAUNCHER_CONFIG to the path of launcher.json"));
    return loader.load(Path.of(path));
  }
}
