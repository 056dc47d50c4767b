package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.spi.PluginException;
import java.time.Duration;

/**
 * A call into a plugin did not return within its bound; the message names the call and the bound.
 * The call is left to finish on its own thread while the launcher goes on.
 */
public class PluginTimeoutException extends PluginException {
  private static final long serialVersionUID = 1L;

  public PluginTimeoutException(String call, Duration limit) {
    super(call + " did not return within " + limit.toMillis() + " ms");
  }
}
