package io.sessionlauncher.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.plugin.builtin.HttpServerFallbackPlugin;
import io.sessionlauncher.engine.plugin.builtin.ProcessPlugin;
import io.sessionlauncher.spi.Description;
import io.sessionlauncher.spi.InvalidPluginConfigException;
import io.sessionlauncher.spi.InvalidPluginConfigException.Violation;
import io.sessionlauncher.spi.LauncherPlugin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Configurations from plain JSON values: conversion, defaults, and messages that name every invalid
 * field with what it broke.
 */
class ConfigBinderTest {
  /** How loud. */
  public enum Level {
    QUIET,
    LOUD
  }

  /** A configuration with a field of each kind the binder reads. */
  public record Settings(
      @Description("A name") @NotBlank String name,
      @Min(1) @Max(10) int count,
      @NotNull Path folder,
      Duration delay,
      boolean verbose,
      List<@NotBlank String> args,
      Map<String, String> env,
      Level level,
      String readyLine) {}

  private static final Settings DEFAULTS =
      new Settings(
          "default",
          1,
          Path.of("/tmp"),
          Duration.ofSeconds(1),
          false,
          List.of(),
          Map.of(),
          Level.QUIET,
          null);

  private final ConfigBinder binder = ConfigBinder.withDefaultValidator();
  private final StubPlugin<Settings> plugin =
      StubPlugin.configured("test", "binder", Settings.class);
  private final StubPlugin<Settings> withDefaults = plugin.withDefaults(DEFAULTS);

  private static Map<String, Object> values(Object... keysAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
  }

  private List<Violation> violations(LauncherPlugin<Settings> target, Map<String, Object> values) {
    return assertThrows(InvalidPluginConfigException.class, () -> binder.bind(target, values))
        .violations();
  }

  @Test
  void readsEveryKindOfFieldFromJsonValuesInEitherNameStyle() {
    Settings settings =
        binder.bind(
            plugin,
            values(
                "name", "viewer",
                "count", 3L,
                "folder", "/srv/data",
                "delay", new BigDecimal("1.5"),
                "verbose", "true",
                "args", List.of("-v", "--x"),
                "env", Map.of("A", "1"),
                "level", "loud",
                "ready_line", "Started"));

    assertEquals(
        new Settings(
            "viewer",
            3,
            Path.of("/srv/data"),
            Duration.ofMillis(1500),
            true,
            List.of("-v", "--x"),
            Map.of("A", "1"),
            Level.LOUD,
            "Started"),
        settings);
    assertEquals(
        "Started",
        binder.bind(withDefaults, values("readyLine", "Started")).readyLine(),
        "camelCase keys are accepted too");
  }

  @Test
  void everyBrokenConstraintIsNamedByField() {
    List<Violation> violations =
        violations(
            plugin, values("name", " ", "count", 11, "args", List.of("ok", " "), "verbose", false));

    assertEquals(
        List.of(
            new Violation("args[1].<list element>", "must not be blank"),
            new Violation("count", "must be less than or equal to 10"),
            new Violation("folder", "must not be null"),
            new Violation("name", "must not be blank")),
        violations);
  }

  @Test
  void typeErrorsSayWhatWasExpectedAndWhatWasFound() {
    List<Violation> violations =
        violations(
            withDefaults,
            values(
                "count", "notanint",
                "verbose", "yes",
                "args", "not a list",
                "env", List.of("x"),
                "level", "medium",
                "delay", "soon"));

    assertEquals(
        List.of(
            new Violation("args", "expected an array, found the string \"not a list\""),
            new Violation("count", "expected a whole number, found the string \"notanint\""),
            new Violation(
                "delay", "expected a number of seconds, 0 or more, found the string \"soon\""),
            new Violation("env", "expected an object, found an array"),
            new Violation(
                "level", "expected one of [\"QUIET\", \"LOUD\"], found the string \"medium\""),
            new Violation("verbose", "expected true or false, found the string \"yes\"")),
        violations);
  }

  @Test
  void aNegativeDurationIsRefusedAsInLauncherJson() {
    assertEquals(
        List.of(
            new Violation("delay", "expected a number of seconds, 0 or more, found the number -1")),
        violations(withDefaults, values("delay", -1)));
    assertEquals(
        List.of(
            new Violation(
                "delay", "expected a number of seconds, 0 or more, found the string \"-0.001\"")),
        violations(withDefaults, values("delay", "-0.001")));
    assertEquals(Duration.ZERO, binder.bind(withDefaults, values("delay", 0)).delay());
  }

  @Test
  void anElementOfTheWrongKindIsNamedByItsPath() {
    assertEquals(
        List.of(
            new Violation("args[1]", "expected a string, found an object"),
            new Violation("env.HOME", "expected a string, found an array")),
        violations(
            withDefaults,
            values("args", List.of("ok", Map.of()), "env", Map.of("HOME", List.of()))));
  }

  @Test
  void wholeNumbersMustBeWholeAndFitTheField() {
    assertEquals(
        List.of(new Violation("count", "expected a whole number, found the number 2.5")),
        violations(withDefaults, values("count", new BigDecimal("2.5"))));
    assertEquals(
        List.of(
            new Violation(
                "count",
                "expected a whole number from -2147483648 to 2147483647, found the number 4294967297")),
        violations(withDefaults, values("count", 4_294_967_297L)));
  }

  @Test
  void typeErrorsUnknownFieldsAndBrokenConstraintsComeInOneAnswer() {
    List<Violation> violations =
        violations(
            plugin,
            values(
                "name", "", "count", "notanint", "colour", "red", "folder", "/x", "verbose", true));

    assertEquals(
        List.of(
            new Violation("colour", "is not a field of test.binder"),
            new Violation("count", "expected a whole number, found the string \"notanint\""),
            new Violation("name", "must not be blank")),
        violations);
  }

  @Test
  void everyMissingRequiredFieldIsNamed() {
    List<Violation> violations = violations(plugin, values("name", "n", "folder", "/x"));

    assertEquals(
        List.of(
            new Violation("count", "is required but missing"),
            new Violation("verbose", "is required but missing")),
        violations);
  }

  @Test
  void theMessageNamesThePluginAndEveryViolation() {
    InvalidPluginConfigException error =
        assertThrows(
            InvalidPluginConfigException.class,
            () ->
                binder.bind(
                    plugin, values("name", "", "folder", "/x", "count", 0, "verbose", true)));

    assertEquals(
        "Invalid configuration for test.binder: count: must be greater than or equal to 1;"
            + " name: must not be blank",
        error.getMessage());
  }

  @Test
  void noValuesMeansTheDefaultsAndSomeValuesAreMergedWithThem() {
    assertEquals(DEFAULTS, binder.bind(withDefaults, null));
    assertEquals(
        new Settings(
            "other",
            1,
            Path.of("/tmp"),
            Duration.ofSeconds(1),
            false,
            List.of(),
            Map.of(),
            Level.QUIET,
            null),
        binder.bind(withDefaults, values("name", "other")));
  }

  @Test
  void defaultsAreCheckedToo() {
    StubPlugin<Settings> badDefaults =
        plugin.withDefaults(
            new Settings("", 0, Path.of("/"), null, false, List.of(), Map.of(), null, null));

    assertEquals(
        List.of(
            new Violation("count", "must be greater than or equal to 1"),
            new Violation("name", "must not be blank")),
        violations(badDefaults, null));
  }

  @Test
  void theHttpServerFallbackHasValidDefaults() {
    HttpServerFallbackPlugin fallback = new HttpServerFallbackPlugin();

    assertEquals(fallback.defaultConfig().orElseThrow(), binder.bind(fallback, null));
    assertEquals(
        Path.of("").toAbsolutePath(), binder.bind(fallback, Map.of()).directory(), "all defaults");
  }

  @Test
  void theProcessPluginNeedsAProgram() {
    ProcessPlugin process = new ProcessPlugin();

    InvalidPluginConfigException empty =
        assertThrows(
            InvalidPluginConfigException.class,
            () -> binder.bind(process, values("cmd", List.of())));
    InvalidPluginConfigException blank =
        assertThrows(
            InvalidPluginConfigException.class,
            () -> binder.bind(process, values("cmd", List.of("sleep", " "))));

    assertEquals(List.of(new Violation("cmd", "must not be empty")), empty.violations());
    assertEquals(
        List.of(new Violation("cmd[1].<list element>", "must not be blank")), blank.violations());
  }

  @Test
  void withoutAValidatorOnlyTypesAreChecked() {
    ConfigBinder typesOnly = new ConfigBinder(null);

    Settings unchecked =
        typesOnly.bind(plugin, values("name", "", "count", 99, "folder", "/x", "verbose", true));

    assertEquals(99, unchecked.count());
    assertTrue(
        assertThrows(
                InvalidPluginConfigException.class,
                () -> typesOnly.bind(plugin, values("count", "x")))
            .getMessage()
            .contains("count: expected a whole number"));
  }
}
