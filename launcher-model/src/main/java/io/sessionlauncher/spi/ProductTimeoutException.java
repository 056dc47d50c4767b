package io.sessionlauncher.spi;

import java.time.Duration;

/** A product did not become ready in time; the message names the product and the time waited. */
public class ProductTimeoutException extends PluginException {
  private static final long serialVersionUID = 1L;

  public ProductTimeoutException(String product, Duration waited) {
    super("Product " + product + " was not ready after " + waited.toMillis() + " ms");
  }
}
