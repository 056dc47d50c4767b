package io.sessionlauncher.spi;

import io.sessionlauncher.model.LauncherException;

/**
 * A plugin cannot be found, resolved or configured, or failed in a way of its own. The message
 * names the product (and the mode, when there is one).
 */
public class PluginException extends LauncherException {
  private static final long serialVersionUID = 1L;

  public PluginException(String message) {
    super(message);
  }

  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
