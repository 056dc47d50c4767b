package io.sessionlauncher.rest.testing;

import io.sessionlauncher.engine.concurrent.BackgroundTasksProducer;
import io.sessionlauncher.engine.config.ConfigLoader;
import io.sessionlauncher.engine.persist.SessionStore;
import io.sessionlauncher.engine.plugin.PluginCatalog;
import io.sessionlauncher.engine.plugin.PluginValidation;
import io.sessionlauncher.engine.pool.BindPortProbe;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.proxy.ProxyMapFile;
import io.sessionlauncher.engine.session.SecretGenerator;
import io.sessionlauncher.engine.session.SessionManager;
import io.sessionlauncher.engine.testing.FixedConfig;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.rest.ContentResource;
import io.sessionlauncher.rest.CorsFilter;
import io.sessionlauncher.rest.InternalRoutes;
import io.sessionlauncher.rest.LauncherExceptionMapper;
import io.sessionlauncher.rest.SessionResource;
import io.sessionlauncher.rest.UnexpectedExceptionMapper;
import io.sessionlauncher.rest.UploadResource;
import io.sessionlauncher.rest.WebApplicationExceptionMapper;
import io.sessionlauncher.rest.plugins.PluginsResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.ext.cdi1x.internal.CdiComponentProvider;
import org.glassfish.jersey.ext.cdi1x.internal.ProcessAllAnnotatedTypes;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The launcher's REST layer on Jersey + Weld SE over real HTTP on a loopback port: the same beans
 * and resources as in the application server, started in a second.
 *
 * <p>Run one at a time in a JVM: with two alive, Jersey's CDI integration was seen to give the
 * second launcher's providers the first one's configuration.
 */
public final class InProcessLauncher implements AutoCloseable {
  private final WeldContainer container;
  private final HttpServer server;
  private final URI base;
  private final LauncherConfig config;

  private InProcessLauncher(
      WeldContainer container, HttpServer server, URI base, LauncherConfig config) {
    this.container = container;
    this.server = server;
    this.base = base;
    this.config = config;
  }

  /** Loads {@code launcherJson} and serves it. */
  public static InProcessLauncher start(Path launcherJson) {
    return start(new ConfigLoader().load(launcherJson));
  }

  public static InProcessLauncher start(LauncherConfig config) {
    WeldContainer container =
        new Weld("launcher-" + UUID.randomUUID())
            .disableDiscovery()
            .addBeanClasses(
                ConfigLoader.class,
                BindPortProbe.class,
                ResourcePool.class,
                PluginCatalog.class,
                SessionStore.class,
                ProxyMapFile.class,
                BackgroundTasksProducer.class,
                SecretGenerator.class,
                SessionManager.class,
                SessionResource.class,
                ContentResource.class,
                UploadResource.class,
                InternalRoutes.class,
                CorsFilter.class,
                PluginsResource.class,
                PluginValidation.class)
            .addExtension(new FixedConfig(config))
            // Discovery is off (the file-reading config producer must stay out), so Jersey's own
            // CDI extensions are registered by hand.
            .addExtension(new CdiComponentProvider())
            .addExtension(new ProcessAllAnnotatedTypes())
            .initialize();
    try {
      URI base = URI.create("http://127.0.0.1:" + freePort() + "/");
      ResourceConfig application =
          new ResourceConfig(
              SessionResource.class,
              ContentResource.class,
              UploadResource.class,
              InternalRoutes.class,
              CorsFilter.class,
              PluginsResource.class,
              LauncherExceptionMapper.class,
              WebApplicationExceptionMapper.class,
              UnexpectedExceptionMapper.class);
      HttpServer server = GrizzlyHttpServerFactory.createHttpServer(base, application);
      return new InProcessLauncher(container, server, base, config);
    } catch (RuntimeException e) {
      container.shutdown();
      throw e;
    }
  }

  public URI base() {
    return base;
  }

  public LauncherConfig config() {
    return config;
  }

  public URI uri(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  /** The engine's session manager, to look behind the HTTP answers. */
  public SessionManager sessions() {
    return container.select(SessionManager.class).get();
  }

  public ResourcePool pool() {
    return container.select(ResourcePool.class).get();
  }

  @Override
  public void close() {
    try {
      server.shutdownNow();
    } finally {
      container.shutdown();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
