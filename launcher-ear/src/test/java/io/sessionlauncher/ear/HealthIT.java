package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health in Liberty: the server serves the launcher's named checks at {@code
 * /health/live} and {@code /health/ready}, and a proxy file that cannot be replaced makes the
 * launcher not ready (503) until it can be again.
 */
class HealthIT {
  private final Http client = new Http(LibertyServer.base());

  @Test
  void liveAndReadyNameTheLaunchersChecks() {
    Http.Answer live = client.get("health/live");
    assertEquals(200, live.status(), live.body());
    assertEquals("UP", live.json().getString("status"), live.body());
    assertEquals("UP", check(live.json(), "launcher-sweeper"), live.body());

    Http.Answer ready = client.get("health/ready");
    assertEquals(200, ready.status(), ready.body());
    assertEquals("UP", check(ready.json(), "launcher-configuration"), ready.body());
    assertEquals("UP", check(ready.json(), "launcher-proxy-file"), ready.body());
  }

  @Test
  void aProxyFolderThatIsNotAFolderMakesTheLauncherNotReady() throws Exception {
    Path folder = LibertyServer.proxyFile().getParent();
    Path aside = folder.resolveSibling(folder.getFileName() + ".aside");
    Files.move(folder, aside);
    try {
      // Root ignores permissions: a file where the folder should be stops the replacement.
      Files.writeString(folder, "");
      Http.Answer ready = client.get("health/ready");
      assertEquals(503, ready.status(), ready.body());
      assertEquals("DOWN", ready.json().getString("status"), ready.body());
      assertEquals("DOWN", check(ready.json(), "launcher-proxy-file"), ready.body());
      assertEquals("UP", check(ready.json(), "launcher-configuration"), ready.body());
      assertEquals(200, client.get("health/live").status(), "still live: a restart would not help");
    } finally {
      Files.deleteIfExists(folder);
      Files.move(aside, folder);
    }
    Waits.until(
        "ready again once the proxy folder is back",
        Duration.ofSeconds(10),
        () -> client.get("health/ready").status() == 200);
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
