package io.sessionlauncher.rest.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionlauncher.engine.proxy.ProxyMapFile;
import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's health checks as the container wires them (the server serves their answers at
 * {@code /health/*}; {@code HealthIT} in launcher-arquillian shows that, on Liberty and Payara),
 * and what makes each one DOWN.
 */
class HealthChecksTest {
  @RegisterExtension
  final InProcessLauncher launcher =
      InProcessLauncher.withPorts(1, json -> json.app("demo", DemoApp.app()));

  @Test
  void aStartedLauncherIsUpOnEveryCheck() {
    HealthCheckResponse configuration =
        launcher.bean(ConfigurationCheck.class, Readiness.Literal.INSTANCE).call();
    assertEquals(ConfigurationCheck.NAME, configuration.getName());
    assertEquals(HealthCheckResponse.Status.UP, configuration.getStatus());
    assertEquals(
        launcher.config().source().toString(), configuration.getData().orElseThrow().get("file"));

    HealthCheckResponse proxy =
        launcher.bean(ProxyFileCheck.class, Readiness.Literal.INSTANCE).call();
    assertEquals(ProxyFileCheck.NAME, proxy.getName());
    assertEquals(HealthCheckResponse.Status.UP, proxy.getStatus());

    HealthCheckResponse sweeper =
        launcher.bean(SweeperCheck.class, Liveness.Literal.INSTANCE).call();
    assertEquals(SweeperCheck.NAME, sweeper.getName());
    assertEquals(HealthCheckResponse.Status.UP, sweeper.getStatus());
  }

  @Test
  void aStoppedSweeperIsNotLive() {
    // Shutdown stops the sweeper, as the end of the application does.
    launcher.sessions().shutdown();
    assertEquals(
        HealthCheckResponse.Status.DOWN,
        launcher.bean(SweeperCheck.class, Liveness.Literal.INSTANCE).call().getStatus());
  }

  @Test
  void aProxyFileThatCannotBeReplacedIsNotReady(@TempDir Path folder) throws Exception {
    // Running as root, permissions would not stop a write: a folder that is a file does.
    Path notAFolder = Files.writeString(folder.resolve("not-a-folder"), "");
    assertEquals(
        HealthCheckResponse.Status.DOWN,
        new ProxyFileCheck(new ProxyMapFile(notAFolder.resolve("proxy.txt"))).call().getStatus());

    Path aFolder = Files.createDirectory(folder.resolve("proxy.txt"));
    assertEquals(
        HealthCheckResponse.Status.DOWN,
        new ProxyFileCheck(new ProxyMapFile(aFolder)).call().getStatus());

    assertEquals(
        HealthCheckResponse.Status.UP,
        new ProxyFileCheck(new ProxyMapFile(folder.resolve("new-proxy.txt"))).call().getStatus());
  }
}
