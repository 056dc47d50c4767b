package io.sessionlauncher.example.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.ServerType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the launcher reads from the plugin before it launches anything. */
class GreeterPluginTest {
  private static ValidatorFactory validation;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    validation = Validation.buildDefaultValidatorFactory();
    validator = validation.getValidator();
  }

  @AfterAll
  static void close() {
    validation.close();
  }

  @Test
  void servicesFileRegistersBothModes() {
    Map<String, Class<?>> found = new TreeMap<>();
    for (LauncherPlugin<?> plugin : ServiceLoader.load(LauncherPlugin.class)) {
      if (plugin.product().equals(GreeterPlugin.PRODUCT)) {
        found.put(plugin.name(), plugin.getClass());
      }
    }
    assertEquals(
        Map.of(
            "greeter.local", GreeterPlugin.class,
            "greeter.__fallback__", GreeterFallbackPlugin.class),
        found);
  }

  @Test
  void exposesOneGenericServerAndDefaultsForEveryField() {
    GreeterPlugin local = new GreeterPlugin();
    GreeterFallbackPlugin fallback = new GreeterFallbackPlugin();
    assertEquals(Map.of("main", ServerType.GENERIC), local.serverSpec());
    assertEquals(local.serverSpec(), fallback.serverSpec());
    assertEquals(GreeterConfig.class, fallback.configType());
    assertEquals(GreeterConfig.DEFAULTS, fallback.defaultConfig().orElseThrow());
    assertEquals(GreeterConfig.DEFAULTS, local.defaultConfig().orElseThrow());
    assertTrue(validator.validate(GreeterConfig.DEFAULTS).isEmpty(), "the defaults are valid");
  }

  @Test
  void constraintsNameEveryBrokenField() {
    assertEquals(
        Map.of(
            "greeting", "must not be blank",
            "backlog", "must be greater than or equal to 1",
            "host", "must not be blank"),
        problems(new GreeterConfig(" ", 0, "")));
    assertEquals(
        Map.of(
            "greeting", "size must be between 0 and 200",
            "backlog", "must be less than or equal to 1024"),
        problems(new GreeterConfig("x".repeat(201), 1025, "127.0.0.1")));
  }

  private static Map<String, String> problems(GreeterConfig config) {
    Set<ConstraintViolation<GreeterConfig>> violations = validator.validate(config);
    return violations.stream()
        .collect(
            Collectors.toMap(
                violation -> violation.getPropertyPath().toString(),
                ConstraintViolation::getMessage));
  }
}
