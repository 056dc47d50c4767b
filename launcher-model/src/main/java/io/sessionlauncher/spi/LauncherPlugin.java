package io.sessionlauncher.spi;

import java.util.Map;
import java.util.Optional;

/**
 * A kind of product and one way to launch it, found by the name {@code <product>.<mode>}.
 *
 * <p>A plugin is registered with {@link java.util.ServiceLoader} (a line in {@code
 * META-INF/services/io.sessionlauncher.spi.LauncherPlugin}) or as a CDI bean. Its configuration is
 * a record with Bean Validation constraints and a {@link Description} on each field; the launcher
 * reads it from JSON, checks it, and reports every invalid field by name.
 *
 * @param <C> the configuration record
 */
public interface LauncherPlugin<C extends Record> {

  /** Mode name of a product's fallback plugin, used when nothing is configured for the product. */
  String FALLBACK_MODE = "__fallback__";

  /** The product this plugin launches, e.g. {@code "http-server"}. */
  String product();

  /** How it launches it, e.g. {@code "local"}, or {@link #FALLBACK_MODE}. */
  String mode();

  /** The configuration record's class. */
  Class<C> configType();

  /**
   * The configuration used when none is given; required for a fallback plugin, whose every field
   * must then have a default.
   */
  default Optional<C> defaultConfig() {
    return Optional.empty();
  }

  /**
   * The servers every instance exposes, by key; each key must be in {@link ProductLauncher#urls}.
   */
  Map<String, ServerType> serverSpec();

  /** A launcher for one instance; nothing is started until {@link ProductLauncher#start}. */
  ProductLauncher create(C config, LaunchContext context);

  /**
   * Takes back an instance a previous launcher started and recorded by its {@link
   * ProductLauncher#reference()} (the launcher was killed and started again). The answer is a
   * launcher already running, on which {@link ProductLauncher#start} is not called: it reports its
   * readiness, address, status and end as if it had started the instance itself. Empty when the
   * instance no longer runs (then nothing is left to stop). Must answer in bounded time; the
   * default adopts nothing, and the launcher then forgets such a session.
   *
   * @param config the session's configuration, as it was when it started
   * @param context the session's context, as at its start but with no assigned resource to bind
   * @param reference what {@link ProductLauncher#reference()} answered
   */
  default Optional<ProductLauncher> adopt(C config, LaunchContext context, String reference) {
    return Optional.empty();
  }

  /** {@code <product>.<mode>}. */
  default String name() {
    return product() + "." + mode();
  }
}
