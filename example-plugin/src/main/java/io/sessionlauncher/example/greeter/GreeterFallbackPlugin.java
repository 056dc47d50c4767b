package io.sessionlauncher.example.greeter;

/**
 * The plugin {@code greeter.__fallback__}: the greeter with {@link GreeterConfig#DEFAULTS}, used
 * when a greeter is asked for with no mode and nothing is configured for the product.
 *
 * <p>A fallback is an ordinary plugin whose mode is {@link #FALLBACK_MODE} and whose {@link
 * #defaultConfig()} is present; here it is the local plugin under a second name, as in the
 * reference, where both entry points name the same class.
 */
public class GreeterFallbackPlugin extends GreeterPlugin {

  /** Found by {@link java.util.ServiceLoader}, which needs this public constructor. */
  public GreeterFallbackPlugin() {}

  @Override
  public String mode() {
    return FALLBACK_MODE;
  }
}
