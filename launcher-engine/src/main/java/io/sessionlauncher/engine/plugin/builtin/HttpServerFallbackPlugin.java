package io.sessionlauncher.engine.plugin.builtin;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code http-server.__fallback__}: serves the current folder on loopback when nothing is
 * configured for the product.
 */
public class HttpServerFallbackPlugin extends HttpServerPlugin {

  @Override
  public String mode() {
    return FALLBACK_MODE;
  }

  @Override
  public Optional<Config> defaultConfig() {
    return Optional.of(new Config(Path.of("").toAbsolutePath(), "127.0.0.1"));
  }
}
