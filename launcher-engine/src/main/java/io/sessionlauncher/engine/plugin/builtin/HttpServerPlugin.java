package io.sessionlauncher.engine.plugin.builtin;

import io.sessionlauncher.spi.Description;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.ProductLauncher;
import io.sessionlauncher.spi.ServerType;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves a folder over HTTP, the example of the plugin seed: product {@code http-server}, mode
 * {@code local}. Read it as a model for plugins: a configuration record with constraints and
 * descriptions, a server spec, and a {@link ProductLauncher} per instance.
 */
public class HttpServerPlugin implements LauncherPlugin<HttpServerPlugin.Config> {

  /** The product's name. */
  public static final String PRODUCT = "http-server";

  /**
   * @param directory the folder to serve
   * @param host the address to listen on when the launcher does not assign one
   */
  public record Config(
      @Description("Folder whose files are served") @NotNull Path directory,
      @Description("Address to listen on when the launcher assigns no host/port") String host) {}

  @Override
  public String product() {
    return PRODUCT;
  }

  @Override
  public String mode() {
    return "local";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Map<String, ServerType> serverSpec() {
    return Map.of("main", ServerType.GENERIC);
  }

  @Override
  public ProductLauncher create(Config config, LaunchContext context) {
    return new HttpServerLauncher(config, context);
  }
}
