package io.sessionlauncher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.concurrent.BackgroundTasks;
import io.sessionlauncher.engine.config.ConfigLoader;
import io.sessionlauncher.engine.config.LauncherConfigProducer;
import io.sessionlauncher.engine.plugin.PluginCatalog;
import io.sessionlauncher.engine.pool.BindPortProbe;
import io.sessionlauncher.engine.pool.PortProbe;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.engine.proxy.ProxyMapFile;
import io.sessionlauncher.engine.session.SessionManager;
import io.sessionlauncher.engine.testing.ChildProcessGuard;
import io.sessionlauncher.engine.testing.EngineBeans;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.engine.testing.Processes;
import io.sessionlauncher.engine.testing.Scripts;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.testing.FreePorts;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's beans resolve and work together in a CDI container (Weld SE), with the
 * configuration's path read by MicroProfile Config (smallrye-config) from the system property
 * {@value LauncherConfigProducer#PATH_PROPERTY}.
 */
@EnableWeld
class EngineWiringTest {
  private static final String READY = "Starting factory";

  @TempDir static Path dir;
  private static String previousProperty;
  private static Path configFile;
  private static Path pidFile;
  private static int firstPort;

  @RegisterExtension final ChildProcessGuard guard = new ChildProcessGuard();

  @WeldSetup WeldInitiator weld = WeldInitiator.from(EngineBeans.weld()).build();

  @Inject LauncherConfig config;
  @Inject ConfigLoader loader;
  @Inject ResourcePool pool;
  @Inject PortProbe probe;
  @Inject ProxyMapFile proxy;
  @Inject BackgroundTasks tasks;
  @Inject SessionManager sessions;
  @Inject PluginCatalog plugins;

  @BeforeAll
  static void pointTheLauncherAtAConfiguration() {
    firstPort = FreePorts.range(2);
    pidFile = dir.resolve("pids");
    configFile =
        LauncherJson.in(dir)
            .resource("127.0.0.1", firstPort, firstPort + 1)
            .stopGrace(2)
            .app("viz", Scripts.sh().recordPid(pidFile).say(READY).stayAlive().template(), READY)
            .write();
    previousProperty =
        System.setProperty(LauncherConfigProducer.PATH_PROPERTY, configFile.toString());
  }

  @AfterAll
  static void restoreTheProperty() {
    if (previousProperty == null) {
      System.clearProperty(LauncherConfigProducer.PATH_PROPERTY);
    } else {
      System.setProperty(LauncherConfigProducer.PATH_PROPERTY, previousProperty);
    }
  }

  @Test
  void theConfigurationComesFromTheFileTheSystemPropertyNames() {
    assertEquals(configFile, config.source());
    assertEquals(loader.load(configFile), config);
    assertEquals(List.of("viz"), List.copyOf(config.apps().keySet()));
  }

  @Test
  void theBeansAreBuiltFromThatConfiguration() {
    assertEquals(2, pool.size());
    assertEquals(2, pool.available());
    assertEquals(config.configuration().proxyFile(), proxy.path());
    assertTrue(probe instanceof BindPortProbe);
    assertFalse(tasks.managed(), "outside a container the engine runs its own pool");
    assertTrue(
        plugins.registry().find(AppConfig.PROCESS_PRODUCT, AppConfig.PROCESS_MODE).isPresent(),
        "the process plugin is found");
  }

  @Test
  void aSessionRunsThroughTheContainersBeans() {
    guard.trackPidFile(pidFile);
    Session session =
        sessions.create(
            new LaunchRequest("viz", Map.of("application", "viz"), LaunchRequest.ANONYMOUS));

    assertEquals(SessionState.READY, session.state());
    assertEquals(new HostPort("127.0.0.1", firstPort), session.resource());
    assertEquals(1, pool.available(), "the manager took the pair from the injected pool");
    assertEquals(session.id() + " 127.0.0.1:" + firstPort + "\n", proxy.read());

    Session ended = sessions.stop(session.id());

    assertEquals(EndCause.STOPPED, ended.endCause());
    assertEquals(2, pool.available());
    assertEquals("", proxy.read());
    Processes.assertPidsGone(Processes.readPids(pidFile));
  }

  @Test
  void applicationScopedBeansAreShared() {
    pool.acquire();
    assertEquals(1, weld.select(ResourcePool.class).get().available());
  }
}
