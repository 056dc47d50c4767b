package io.sessionlauncher.rest.testing;

import io.sessionlauncher.engine.access.SessionAccess;
import io.sessionlauncher.engine.audit.AuditTrail;
import io.sessionlauncher.engine.concurrent.BackgroundTasksProducer;
import io.sessionlauncher.engine.config.ActiveConfig;
import io.sessionlauncher.engine.config.ConfigLoader;
import io.sessionlauncher.engine.persist.SessionStore;
import io.sessionlauncher.engine.plugin.PluginCatalog;
import io.sessionlauncher.engine.plugin.PluginValidation;
import io.sessionlauncher.engine.pool.BindPortProbe;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.proxy.ProxyMapFile;
import io.sessionlauncher.engine.reload.ConfigReload;
import io.sessionlauncher.engine.session.AppChecks;
import io.sessionlauncher.engine.session.ClientWatch;
import io.sessionlauncher.engine.session.ClockProducer;
import io.sessionlauncher.engine.session.ProxyMapSync;
import io.sessionlauncher.engine.session.SecretGenerator;
import io.sessionlauncher.engine.session.SessionAdmission;
import io.sessionlauncher.engine.session.SessionEnder;
import io.sessionlauncher.engine.session.SessionManager;
import io.sessionlauncher.engine.session.SessionRecords;
import io.sessionlauncher.engine.session.SessionRecovery;
import io.sessionlauncher.engine.session.SessionRegistry;
import io.sessionlauncher.engine.session.SessionStarter;
import io.sessionlauncher.engine.session.SessionSweeper;
import io.sessionlauncher.engine.session.SessionTraffic;
import io.sessionlauncher.engine.testing.FixedConfig;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.rest.admin.AdminEventStreams;
import io.sessionlauncher.rest.admin.AdminResource;
import io.sessionlauncher.rest.content.ContentResource;
import io.sessionlauncher.rest.health.ConfigurationCheck;
import io.sessionlauncher.rest.health.ProxyFileCheck;
import io.sessionlauncher.rest.health.SweeperCheck;
import io.sessionlauncher.rest.http.AccessDeniedExceptionMapper;
import io.sessionlauncher.rest.http.AllowedHosts;
import io.sessionlauncher.rest.http.ConflictExceptionMapper;
import io.sessionlauncher.rest.http.CorsFilter;
import io.sessionlauncher.rest.http.HostCheckFilter;
import io.sessionlauncher.rest.http.InternalRoutes;
import io.sessionlauncher.rest.http.InvalidPluginConfigExceptionMapper;
import io.sessionlauncher.rest.http.InvalidRequestExceptionMapper;
import io.sessionlauncher.rest.http.LauncherExceptionMapper;
import io.sessionlauncher.rest.http.LimitReachedExceptionMapper;
import io.sessionlauncher.rest.http.RequestTooLargeExceptionMapper;
import io.sessionlauncher.rest.http.ResourcesExhaustedExceptionMapper;
import io.sessionlauncher.rest.http.SessionNotFoundExceptionMapper;
import io.sessionlauncher.rest.http.SessionStartExceptionMapper;
import io.sessionlauncher.rest.http.SignOnRequiredExceptionMapper;
import io.sessionlauncher.rest.http.UnexpectedExceptionMapper;
import io.sessionlauncher.rest.http.WebApplicationExceptionMapper;
import io.sessionlauncher.rest.metrics.ProxyMetrics;
import io.sessionlauncher.rest.plugins.PluginsResource;
import io.sessionlauncher.rest.proxy.HttpProxyResource;
import io.sessionlauncher.rest.proxy.ProxiedSockets;
import io.sessionlauncher.rest.proxy.ProxyRoutes;
import io.sessionlauncher.rest.proxy.SessionHttpClient;
import io.sessionlauncher.rest.security.Callers;
import io.sessionlauncher.rest.security.SignOnFilter;
import io.sessionlauncher.rest.security.SignOnGuard;
import io.sessionlauncher.rest.security.SignOnSettingsProducer;
import io.sessionlauncher.rest.sessions.SessionEventStreams;
import io.sessionlauncher.rest.sessions.SessionResource;
import io.sessionlauncher.rest.upload.UploadQuota;
import io.sessionlauncher.rest.upload.UploadResource;
import io.sessionlauncher.testing.FreePorts;
import io.sessionlauncher.testing.LauncherJson;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.ext.cdi1x.internal.CdiComponentProvider;
import org.glassfish.jersey.ext.cdi1x.internal.ProcessAllAnnotatedTypes;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The launcher's REST layer on Jersey + Weld SE over real HTTP on a loopback port: the same beans
 * and resources as in the application server, started in a second.
 *
 * <p>A JUnit 5 extension: registered on a static field with {@code @RegisterExtension}, it starts
 * one launcher before the class's tests and stops it after them; on an instance field, one per
 * test. It gets a folder of its own, a run of free ports, and the REST tests' configuration ({@link
 * DemoApp#configuration}) for the test to add its apps to:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final InProcessLauncher launcher =
 *     InProcessLauncher.withPorts(2, json -> json.app("demo", DemoApp.app()));
 * }</pre>
 *
 * <p>{@link #start(Path)} starts one outside JUnit, for a program of its own.
 *
 * <p>Run one at a time in a JVM: with two alive, Jersey's CDI integration was seen to give the
 * second launcher's providers the first one's configuration.
 */
public final class InProcessLauncher
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AutoCloseable {
  /**
   * The exception mappers, as the server finds them by their {@code @Provider}: one per family of
   * exception, JAX-RS taking the one of an exception's nearest superclass.
   */
  public static final List<Class<?>> EXCEPTION_MAPPERS =
      List.of(
          LauncherExceptionMapper.class,
          InvalidRequestExceptionMapper.class,
          RequestTooLargeExceptionMapper.class,
          InvalidPluginConfigExceptionMapper.class,
          SessionNotFoundExceptionMapper.class,
          ResourcesExhaustedExceptionMapper.class,
          SessionStartExceptionMapper.class,
          AccessDeniedExceptionMapper.class,
          LimitReachedExceptionMapper.class,
          ConflictExceptionMapper.class,
          SignOnRequiredExceptionMapper.class,
          WebApplicationExceptionMapper.class,
          UnexpectedExceptionMapper.class);

  /** Every resource, filter and provider of the WAR, registered with Jersey. */
  private static final List<Class<?>> COMPONENTS =
      Stream.concat(
              Stream.of(
                  SessionResource.class,
                  ContentResource.class,
                  UploadResource.class,
                  InternalRoutes.class,
                  CorsFilter.class,
                  HostCheckFilter.class,
                  HostCheckFilter.class,
                  SignOnFilter.class,
                  GrizzlyClientAddress.class,
                  PluginsResource.class,
                  AdminResource.class,
                  HttpProxyResource.class),
              EXCEPTION_MAPPERS.stream())
          .toList();

  /** What a test adds to the configuration before the launcher starts. */
  @FunctionalInterface
  public interface Setup {
    /** Changes {@code json} (in the launcher's own folder) and returns it. */
    LauncherJson configure(LauncherJson json) throws Exception;
  }

  private final int ports;
  private final Setup setup;
  private boolean signOn;
  private Path folder;
  private LauncherJson json;
  private boolean perTest;

  private WeldContainer container;
  private HttpServer server;
  private URI base;
  private LauncherConfig config;

  private InProcessLauncher(int ports, Setup setup) {
    this.ports = ports;
    this.setup = setup;
  }

  /**
   * An extension serving the REST tests' configuration with a pool of {@code ports} free
   * consecutive ports, as {@code setup} changes it.
   */
  public static InProcessLauncher withPorts(int ports, Setup setup) {
    return new InProcessLauncher(ports, setup);
  }

  /**
   * This launcher with sign-on on, its requests authenticated by {@link TestIdentity}'s headers (as
   * the server's MicroProfile JWT authenticates bearer tokens).
   */
  public InProcessLauncher withSignOn() {
    this.signOn = true;
    return this;
  }

  /** Loads {@code launcherJson} and serves it until {@link #close}. */
  public static InProcessLauncher start(Path launcherJson) {
    InProcessLauncher launcher = new InProcessLauncher(0, null);
    launcher.serve(new ConfigLoader().load(launcherJson));
    return launcher;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    begin();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (container == null) {
      // Registered on an instance field: one launcher for this test alone.
      perTest = true;
      begin();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest) {
      close();
    }
  }

  private void begin() throws Exception {
    folder = Files.createTempDirectory("in-process-launcher-");
    int first = FreePorts.range(ports);
    json = setup.configure(DemoApp.configuration(folder, first, first + ports - 1));
    serve(json.load(new ConfigLoader()::load));
  }

  private void serve(LauncherConfig launcherConfig) {
    WeldContainer weld =
        new Weld("launcher-" + UUID.randomUUID())
            .disableDiscovery()
            .addBeanClasses(
                ConfigLoader.class,
                ActiveConfig.class,
                ConfigReload.class,
                BindPortProbe.class,
                ResourcePool.class,
                PluginCatalog.class,
                SessionStore.class,
                ProxyMapFile.class,
                BackgroundTasksProducer.class,
                SecretGenerator.class,
                SessionManager.class,
                AppChecks.class,
                SessionAdmission.class,
                SessionStarter.class,
                SessionEnder.class,
                SessionRegistry.class,
                SessionRecovery.class,
                SessionSweeper.class,
                ClientWatch.class,
                ProxyMapSync.class,
                SessionRecords.class,
                ClockProducer.class,
                SessionResource.class,
                ContentResource.class,
                UploadResource.class,
                UploadQuota.class,
                AdminResource.class,
                AdminEventStreams.class,
                InternalRoutes.class,
                CorsFilter.class,
                HostCheckFilter.class,
                AllowedHosts.class,
                HttpProxyResource.class,
                ProxyRoutes.class,
                SessionTraffic.class,
                SessionHttpClient.class,
                ProxyMetrics.class,
                ProxiedSockets.class,
                PluginsResource.class,
                PluginValidation.class,
                SessionAccess.class,
                AuditTrail.class,
                Callers.class,
                SignOnGuard.class,
                SignOnFilter.class,
                SessionEventStreams.class,
                ConfigurationCheck.class,
                ProxyFileCheck.class,
                SweeperCheck.class,
                signOn ? TestIdentity.SignOnOn.class : SignOnSettingsProducer.class)
            .addExtension(new FixedConfig(launcherConfig))
            // Discovery is off (the file-reading config producer must stay out), so Jersey's own
            // CDI extensions are registered by hand.
            .addExtension(new CdiComponentProvider())
            .addExtension(new ProcessAllAnnotatedTypes())
            .initialize();
    try {
      URI uri = URI.create("http://127.0.0.1:" + FreePorts.find() + "/");
      ResourceConfig application = new ResourceConfig(Set.copyOf(COMPONENTS));
      if (signOn) {
        application.register(TestIdentity.class);
      }
      server = GrizzlyHttpServerFactory.createHttpServer(uri, application);
      base = uri;
      config = launcherConfig;
      container = weld;
    } catch (RuntimeException e) {
      weld.shutdown();
      throw e;
    }
  }

  public URI base() {
    return running().base;
  }

  public LauncherConfig config() {
    return running().config;
  }

  /** The configuration the launcher was started with: its folder, proxy file and logs. */
  public LauncherJson json() {
    if (json == null) {
      throw new IllegalStateException("not started by JUnit from a LauncherJson");
    }
    return json;
  }

  public URI uri(String path) {
    return base().resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  /** The engine's session manager, to look behind the HTTP answers. */
  public SessionManager sessions() {
    return running().container.select(SessionManager.class).get();
  }

  public ResourcePool pool() {
    return running().container.select(ResourcePool.class).get();
  }

  /** One of the launcher's beans, as the container wires it. */
  public <T> T bean(Class<T> type, Annotation... qualifiers) {
    return running().container.select(type, qualifiers).get();
  }

  /** Stops every session still known, so the next test starts with a full pool. */
  public void stopAllSessions() {
    SessionManager manager = sessions();
    for (Session session : manager.list()) {
      manager.stop(session.id());
    }
  }

  private InProcessLauncher running() {
    if (container == null) {
      throw new IllegalStateException(
          "the in-process launcher is not running: register it with @RegisterExtension");
    }
    return this;
  }

  @Override
  public void close() {
    try {
      if (server != null) {
        server.shutdownNow();
      }
    } finally {
      if (container != null) {
        container.shutdown();
      }
      server = null;
      container = null;
      if (folder != null) {
        delete(folder);
        folder = null;
      }
    }
  }

  /** Removes the launcher's folder: configuration, proxy file, logs. */
  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A leftover in the temporary folder is no reason to fail the tests that passed.
      System.err.println("cannot remove " + folder + ": " + e);
    }
  }
}
