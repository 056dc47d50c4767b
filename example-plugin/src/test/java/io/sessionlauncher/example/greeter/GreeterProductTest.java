package io.sessionlauncher.example.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.plugin.ProductInstance;
import io.sessionlauncher.engine.plugin.ProductLaunchers;
import io.sessionlauncher.spi.InvalidPluginConfigException;
import io.sessionlauncher.spi.InvalidPluginConfigException.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The greeter launched by name from plain Java, as a plugin's user sees it: configuration read from
 * plain values and checked, fallback, and the {@link ProductInstance} handle.
 */
class GreeterProductTest {
  private static final Duration READY = Duration.ofSeconds(10);

  private final ProductLaunchers launchers = ProductLaunchers.fromClassPath();

  @Test
  void launchesLocalModeWithTheGivenGreeting() throws Exception {
    try (ProductInstance greeter =
        launchers.launch("greeter", "local", Map.of("greeting", "Guten Tag"))) {
      greeter.awaitAnswer(READY);
      String address = greeter.urls().get("main");
      assertEquals("greeter.local", greeter.name());
      assertEquals("Guten Tag", Web.get(address, "/").body());

      greeter.stop();

      assertTrue(greeter.stopped());
      assertFalse(greeter.check());
      assertTrue(Web.becomesFree(Web.port(address), READY), "port free after stop");
      greeter.stop(); // a second stop, and close() at the end of the block, do nothing
    }
  }

  @Test
  void withNothingConfiguredTheFallbackGreetsWithItsDefaults() throws Exception {
    try (ProductInstance greeter = launchers.launch("greeter")) {
      greeter.awaitAnswer(READY);
      assertEquals("greeter.__fallback__", greeter.name());
      assertEquals(
          GreeterConfig.DEFAULTS.greeting(), Web.get(greeter.urls().get("main"), "/").body());
    }
  }

  @Test
  void restartServesAgain() throws Exception {
    try (ProductInstance greeter =
        launchers.launch("greeter", "local", Map.of("greeting", "again"))) {
      greeter.awaitAnswer(READY);

      greeter.restart();

      greeter.awaitAnswer(READY);
      assertEquals("again", Web.get(greeter.urls().get("main"), "/").body());
    }
  }

  @Test
  void everyInvalidFieldIsReportedByName() {
    InvalidPluginConfigException invalid =
        assertThrows(
            InvalidPluginConfigException.class,
            () ->
                launchers.launch(
                    "greeter",
                    "local",
                    Map.of("greeting", " ", "backlog", "notanint", "colour", "red")));

    assertEquals(
        List.of(
            new Violation("backlog", "expected a whole number, found the string \"notanint\""),
            new Violation("colour", "is not a field of greeter.local"),
            new Violation("greeting", "must not be blank")),
        invalid.violations());
    assertTrue(invalid.getMessage().contains("greeter.local"), invalid.getMessage());
  }

  @Test
  void constraintsAreCheckedAfterTheDefaultsAreFilledIn() {
    InvalidPluginConfigException invalid =
        assertThrows(
            InvalidPluginConfigException.class,
            () -> launchers.launch("greeter", "local", Map.of("backlog", 4096)));

    assertEquals(
        List.of(new Violation("backlog", "must be less than or equal to 1024")),
        invalid.violations());
  }
}
