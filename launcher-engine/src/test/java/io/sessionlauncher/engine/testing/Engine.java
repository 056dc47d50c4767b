package io.sessionlauncher.engine.testing;

import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.proxy.ProxyMapFile;
import io.sessionlauncher.engine.session.SessionManager;
import io.sessionlauncher.model.LauncherConfig;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The engine's beans in a CDI container of their own (Weld SE) around one configuration, given as a
 * value rather than through the {@code launcher.config} property, so tests never share global
 * state. Starting it runs the engine's start-up (the proxy file is emptied); {@link #close()} runs
 * its shutdown (every session stopped) and stops the container.
 */
public final class Engine implements AutoCloseable {
  private final LauncherConfig config;
  private final WeldContainer container;

  public Engine(LauncherConfig config) {
    this(config, new ExtraBeans());
  }

  /** The engine with {@code extras} replacing or adding beans (a test clock, a plugin). */
  public Engine(LauncherConfig config, ExtraBeans extras) {
    this.config = config;
    this.container =
        EngineBeans.weld().addExtension(new FixedConfig(config)).addExtension(extras).initialize();
  }

  public LauncherConfig config() {
    return config;
  }

  /** A bean of the engine. */
  public <T> T bean(Class<T> type) {
    return container.select(type).get();
  }

  public ResourcePool pool() {
    return bean(ResourcePool.class);
  }

  public ProxyMapFile proxy() {
    return bean(ProxyMapFile.class);
  }

  public SessionManager sessions() {
    return bean(SessionManager.class);
  }

  /** Stops every session and the container. */
  @Override
  public void close() {
    if (container.isRunning()) {
      container.close();
    }
  }
}
