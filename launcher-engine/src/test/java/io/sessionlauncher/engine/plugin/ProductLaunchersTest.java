package io.sessionlauncher.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.config.ConfigLoader;
import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.spi.InvalidPluginConfigException;
import io.sessionlauncher.spi.InvalidPluginConfigException.Violation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain-Java launching with stored configurations in the reference's file format. */
class ProductLaunchersTest {
  @TempDir Path folder;

  @Test
  void theFirstConfiguredModeOfAStoredFileIsTheDefault() throws Exception {
    Path site = Files.createDirectories(folder.resolve("site"));
    Files.writeString(site.resolve("page.txt"), "stored config", StandardCharsets.UTF_8);
    Path file = folder.resolve("products.json");
    Files.writeString(
        file,
        "{\"http-server\": {\"configs\": {\"local\": {\"directory\": \""
            + site.toString().replace("\\", "\\\\")
            + "\"}}}}",
        StandardCharsets.UTF_8);

    try (ProductInstance server = ProductLaunchers.fromClassPath(file).launch("http-server")) {
      server.awaitAnswer(Duration.ofSeconds(10));

      assertEquals("http-server.local", server.name());
      assertEquals(
          "stored config", RawRequest.send(server.urls().get("main"), "GET", "/page.txt").body());
    }
  }

  @Test
  void aFileThatIsNotAProductConfigurationIsRefusedNamingIt() throws Exception {
    Path file = folder.resolve("broken.json");
    Files.writeString(file, "{\"http-server\": [1, 2]}", StandardCharsets.UTF_8);

    ConfigurationException error =
        assertThrows(ConfigurationException.class, () -> ProductLaunchers.fromClassPath(file));

    assertTrue(error.getMessage().contains("broken.json"), error.getMessage());
  }

  @Test
  void aStoredFileIsReadAsLauncherJsonIsWithCommentsAndErrorsNamingTheKey() throws Exception {
    Path file = folder.resolve("products.json");
    Files.writeString(
        file,
        """
        {
          // comments are allowed, as in launcher.json
          "http-server": {"configs": {"local": {"directory": "/srv"}}},
          "other": {"launch_mode": "x", "configs": {"x": [1]}}  # not an object
        }
        """,
        StandardCharsets.UTF_8);

    ConfigurationException error =
        assertThrows(ConfigurationException.class, () -> ProductLaunchers.fromClassPath(file));

    assertEquals("other.configs.x", error.key());
    assertEquals(
        file + ": key 'other.configs.x': expected an object, found an array", error.getMessage());
  }

  /** A configuration with a duration. */
  public record Timed(Duration delay) {}

  @Test
  void aNegativeDurationInAStoredConfigurationIsRefusedAtLaunch() throws Exception {
    Path file = folder.resolve("products.json");
    Files.writeString(
        file, "{\"timer\": {\"configs\": {\"local\": {\"delay\": -2}}}}", StandardCharsets.UTF_8);
    StubPlugin<Timed> timer = StubPlugin.configured("timer", "local", Timed.class);
    ProductLaunchers launchers =
        ProductLaunchers.of(
            PluginRegistry.discover(getClass().getClassLoader(), List.of(timer)),
            new ConfigLoader().loadProducts(file));

    InvalidPluginConfigException error =
        assertThrows(InvalidPluginConfigException.class, () -> launchers.launch("timer"));

    assertEquals(
        List.of(
            new Violation("delay", "expected a number of seconds, 0 or more, found the number -2")),
        error.violations());
    assertTrue(timer.created().isEmpty(), "nothing was launched");
  }
}
