package io.sessionlauncher.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.testing.Engine;
import io.sessionlauncher.engine.testing.FreePorts;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.model.ConfigurationException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apps whose plugin is missing or whose fixed configuration is invalid fail the start-up. */
class AppCheckTest {
  @TempDir Path dir;

  private LauncherJson config() {
    int port = FreePorts.find();
    return LauncherJson.in(dir).resource("127.0.0.1", port, port);
  }

  @Test
  void anAppOfAnUnknownProductFailsStartUpNamingTheAppAndProduct() {
    LauncherJson json = config().set("apps.viewer", Map.of("product", "no-such-product"));
    ConfigurationException e = startFails(json);
    assertTrue(e.getMessage().contains("apps.viewer"), e.getMessage());
    assertTrue(e.getMessage().contains("no-such-product"), e.getMessage());
    assertTrue(e.getMessage().contains(LauncherJson.FILE_NAME), e.getMessage());
  }

  @Test
  void anAppWithAnInvalidFixedConfigurationFailsStartUpNamingTheField() {
    LauncherJson json =
        config()
            .set(
                "apps.files",
                Map.of("product", "http-server", "mode", "local", "config", Map.of("host", "h")));
    ConfigurationException e = startFails(json);
    assertTrue(e.getMessage().contains("apps.files"), e.getMessage());
    assertTrue(e.getMessage().contains("directory"), e.getMessage());
  }

  @Test
  void aFixedConfigurationWithALiteralDollarIsCheckedAllTheSame() {
    LauncherJson json =
        config()
            .set(
                "apps.files",
                Map.of(
                    "product", "http-server", "mode", "local", "config", Map.of("host", "h$$1")));
    ConfigurationException e = startFails(json);
    assertTrue(e.getMessage().contains("apps.files"), e.getMessage());
    assertTrue(e.getMessage().contains("directory"), e.getMessage());
  }

  @Test
  void aConfigurationWithATemplateVariableIsCheckedWhenLaunched() {
    LauncherJson json =
        config()
            .set(
                "apps.files",
                Map.of(
                    "product",
                    "http-server",
                    "mode",
                    "local",
                    "config",
                    Map.of("host", "${host}")));
    try (Engine engine = new Engine(json.load())) {
      assertEquals(java.util.List.of(), engine.sessions().list());
    }
  }

  private static ConfigurationException startFails(LauncherJson json) {
    Throwable thrown =
        assertThrows(
            Throwable.class,
            () -> {
              try (Engine engine = new Engine(json.load())) {
                engine.sessions().list();
              }
            });
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ConfigurationException e) {
        return e;
      }
    }
    throw new AssertionError("no ConfigurationException in the causes", thrown);
  }
}
