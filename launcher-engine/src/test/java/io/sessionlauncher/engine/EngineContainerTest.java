package io.sessionlauncher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sessionlauncher.engine.config.ConfigLoader;
import io.sessionlauncher.engine.config.LauncherConfigProducer;
import io.sessionlauncher.engine.proxy.ProxyMapFile;
import io.sessionlauncher.engine.session.SessionManager;
import io.sessionlauncher.engine.testing.ChildProcessGuard;
import io.sessionlauncher.engine.testing.EngineBeans;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.engine.testing.Processes;
import io.sessionlauncher.engine.testing.Scripts;
import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine in a CDI container's life: start-up with a good or a bad configuration, and shutdown.
 * Each test starts its own Weld SE container and sets the configuration property only for its own
 * duration.
 */
class EngineContainerTest {
  private static final String READY = "Starting factory";

  @RegisterExtension final ChildProcessGuard guard = new ChildProcessGuard();

  @TempDir Path dir;

  private static WeldContainer container(Class<?>... beans) {
    return new Weld("engine-test-" + UUID.randomUUID())
        .disableDiscovery()
        .addBeanClasses(beans)
        .initialize();
  }

  /** Runs {@code action} with the configuration property set to {@code value} (or unset). */
  private static <T> T withConfigProperty(String value, Supplier<T> action) {
    String previous = System.getProperty(LauncherConfigProducer.PATH_PROPERTY);
    try {
      if (value == null) {
        System.clearProperty(LauncherConfigProducer.PATH_PROPERTY);
      } else {
        System.setProperty(LauncherConfigProducer.PATH_PROPERTY, value);
      }
      return action.get();
    } finally {
      if (previous == null) {
        System.clearProperty(LauncherConfigProducer.PATH_PROPERTY);
      } else {
        System.setProperty(LauncherConfigProducer.PATH_PROPERTY, previous);
      }
    }
  }

  /** The first {@link ConfigurationException} in the chain of causes, which must have one. */
  private static ConfigurationException configurationCause(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ConfigurationException e) {
        return e;
      }
    }
    throw new AssertionError("no ConfigurationException in the causes", thrown);
  }

  private Path badFile() {
    int port = FreePorts.find();
    return LauncherJson.in(dir)
        .resource("127.0.0.1", port, port)
        .set("configuration.timeout", "abc")
        .write("bad-launcher.json");
  }

  @Test
  void aBadFileMakesTheProducerThrowNamingTheFileAndTheKey() {
    Path bad = badFile();

    Throwable thrown =
        withConfigProperty(
            bad.toString(),
            () -> {
              try (WeldContainer weld =
                  container(ConfigLoader.class, LauncherConfigProducer.class)) {
                return assertThrows(
                    RuntimeException.class, () -> weld.select(LauncherConfig.class).get());
              }
            });

    ConfigurationException e = configurationCause(thrown);
    assertEquals("configuration.timeout", e.key());
    assertEquals(bad.toString(), e.file());
    assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("configuration.timeout"), e.getMessage());
  }

  @Test
  void aBadFileFailsTheStartOfTheWholeEngine() {
    Path bad = badFile();

    Throwable thrown =
        withConfigProperty(
            bad.toString(),
            () ->
                assertThrows(
                    RuntimeException.class, () -> EngineBeans.weld().initialize().close()));

    ConfigurationException e = configurationCause(thrown);
    assertEquals("configuration.timeout", e.key());
    assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
  }

  @Test
  void withoutThePropertyTheProducerSaysWhatToSet() {
    assumeTrue(System.getenv("LAUNCHER_CONFIG") == null, "LAUNCHER_CONFIG is set");

    Throwable thrown =
        withConfigProperty(
            null,
            () -> {
              try (WeldContainer weld =
                  container(ConfigLoader.class, LauncherConfigProducer.class)) {
                return assertThrows(
                    RuntimeException.class, () -> weld.select(LauncherConfig.class).get());
              }
            });

    ConfigurationException e = configurationCause(thrown);
    assertTrue(e.getMessage().contains(LauncherConfigProducer.PATH_PROPERTY), e.getMessage());
  }

  @Test
  void startEmptiesTheProxyFileAndShutdownStopsEverySession() throws IOException {
    int first = FreePorts.range(2);
    Path pids = guard.trackPidFile(dir.resolve("pids"));
    LauncherJson json =
        LauncherJson.in(dir)
            .resource("127.0.0.1", first, first + 1)
            .stopGrace(2)
            .app(
                "viz",
                Scripts.sh()
                    .recordPid(pids)
                    .forkSleepers(1, pids)
                    .say(READY)
                    .waitForChildren()
                    .template(),
                READY);
    Path file = json.write();
    Files.createDirectories(json.proxyFile().getParent());
    Files.writeString(json.proxyFile(), SessionId.random() + " 127.0.0.1:" + first + "\n");

    ProxyMapFile proxy =
        withConfigProperty(
            file.toString(),
            () -> {
              try (WeldContainer weld = EngineBeans.weld().initialize()) {
                ProxyMapFile map = weld.select(ProxyMapFile.class).get();
                assertEquals("", map.read(), "a stale line survived the start");
                SessionManager sessions = weld.select(SessionManager.class).get();
                LaunchRequest request =
                    new LaunchRequest("viz", Map.of("application", "viz"), "tester");
                Session a = sessions.create(request);
                Session b = sessions.create(request);
                assertEquals(SessionState.READY, a.state());
                assertEquals(SessionState.READY, b.state());
                assertEquals(2, map.read().lines().count());
                return new ProxyMapFile(map.path());
              }
            });

    assertEquals("", proxy.read(), "the proxy file after shutdown");
    List<Long> recorded = Processes.readPids(pids);
    assertEquals(4, recorded.size(), "two sessions of a shell and a sleeper each: " + recorded);
    for (long pid : recorded) {
      assertFalse(Processes.isAlive(pid), "alive after shutdown: " + pid);
    }
  }
}
