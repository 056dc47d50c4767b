package io.sessionlauncher.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's MicroProfile Health (Liberty's mpHealth, Payara's own) serves the launcher's named
 * checks at {@code /health/live} and {@code /health/ready}, and a proxy file that cannot be
 * replaced makes the launcher not ready (503) until it can be again. The overall readiness when all
 * is well is not this test's: on Liberty it also counts server.xml's own application, which the
 * suite's server does not have.
 */
@ExtendWith(ArquillianExtension.class)
class HealthIT {
  /** Health is served at the server's root, whatever the application's context root. */
  private final Http server = new Http(Deployments.root().resolve("/"));

  @Deployment(testable = false)
  static Archive<?> deployment() {
    return Deployments.launcher();
  }

  @Test
  void liveAndReadyNameTheLaunchersChecks() {
    Http.Answer live = server.get("health/live");
    assertEquals(200, live.status(), Deployments.server() + ": " + live.body());
    assertEquals("UP", live.json().getString("status"), live.body());
    assertEquals("UP", check(live.json(), "launcher-sweeper"), live.body());

    Http.Answer ready = server.get("health/ready");
    assertEquals("UP", check(ready.json(), "launcher-configuration"), ready.body());
    assertEquals("UP", check(ready.json(), "launcher-proxy-file"), ready.body());
  }

  @Test
  void aProxyFolderThatIsNotAFolderMakesTheLauncherNotReady() throws Exception {
    Path folder = Deployments.configuration().proxyFile().getParent();
    Path aside = folder.resolveSibling(folder.getFileName() + ".aside");
    Files.move(folder, aside);
    try {
      // Root ignores permissions: a file where the folder should be stops the replacement.
      Files.writeString(folder, "");
      Http.Answer ready = server.get("health/ready");
      assertEquals(503, ready.status(), Deployments.server() + ": " + ready.body());
      assertEquals("DOWN", ready.json().getString("status"), ready.body());
      assertEquals("DOWN", check(ready.json(), "launcher-proxy-file"), ready.body());
      assertEquals("UP", check(ready.json(), "launcher-configuration"), ready.body());
      assertEquals(200, server.get("health/live").status(), "still live: a restart would not help");
    } finally {
      Files.deleteIfExists(folder);
      Files.move(aside, folder);
    }
    Waits.until(
        "the proxy file check up again once the proxy folder is back",
        Duration.ofSeconds(10),
        () -> "UP".equals(check(server.get("health/ready").json(), "launcher-proxy-file")));
  }

  /** The status of the named check in a MicroProfile Health answer. */
  private static String check(JsonObject health, String name) {
    return health.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(check -> name.equals(check.getString("name")))
        .map(check -> check.getString("status"))
        .findFirst()
        .orElse("missing");
  }
}
