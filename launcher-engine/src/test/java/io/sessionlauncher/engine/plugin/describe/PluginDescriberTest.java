package io.sessionlauncher.engine.plugin.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sessionlauncher.engine.plugin.builtin.HttpServerFallbackPlugin;
import io.sessionlauncher.engine.plugin.builtin.ProcessPlugin;
import io.sessionlauncher.spi.Description;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.ProductLauncher;
import io.sessionlauncher.spi.ServerType;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plugins described from Bean Validation's metadata: types, descriptions, defaults, constraints.
 */
class PluginDescriberTest {
  private static ValidatorFactory factory;
  private static PluginDescriber describer;

  @BeforeAll
  static void buildValidator() {
    factory = Validation.buildDefaultValidatorFactory();
    describer = new PluginDescriber(factory.getValidator());
  }

  @AfterAll
  static void closeValidator() {
    factory.close();
  }

  /** How loud. */
  public enum Level {
    QUIET,
    LOUD
  }

  /** A field of every kind, constraints written out of alphabetical order. */
  public record Settings(
      @Description("Between one and ten") @Max(10) @Min(1) int count,
      @Min(1) @Max(10) long other,
      @Size(min = 1, max = 5) @Pattern(regexp = "[a-z]+") String name,
      Map<@NotBlank String, @Min(1) Integer> limits,
      List<@Size(max = 3) String> tags,
      Level level,
      Duration delay,
      Path folder,
      boolean verbose,
      double ratio,
      String readyLine) {}

  /** A plugin of {@link Settings}, with defaults or without. */
  private record Plugin(String product, String mode, Settings defaults)
      implements LauncherPlugin<Settings> {
    @Override
    public Class<Settings> configType() {
      return Settings.class;
    }

    @Override
    public Optional<Settings> defaultConfig() {
      return Optional.ofNullable(defaults);
    }

    @Override
    public Map<String, ServerType> serverSpec() {
      return Map.of("main", ServerType.GENERIC, "files", ServerType.GRPC);
    }

    @Override
    public ProductLauncher create(Settings config, LaunchContext context) {
      throw new UnsupportedOperationException("described only");
    }
  }

  private static final Settings DEFAULTS =
      new Settings(
          2,
          3,
          "abc",
          Map.of("a", 1),
          List.of("x"),
          Level.LOUD,
          Duration.ofMillis(1500),
          Path.of("/srv"),
          true,
          0.5,
          null);

  private static FieldDescription field(List<FieldDescription> fields, String name) {
    return fields.stream()
        .filter(field -> field.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + name + " in " + fields));
  }

  @Test
  void constraintsComeInTheOrderTheyAreWrittenWithOnlyTheAttributesSet() {
    List<FieldDescription> fields = describer.fields(new Plugin("p", "m", null));

    assertEquals(List.of("@Max(10)", "@Min(1)"), field(fields, "count").constraints());
    assertEquals(List.of("@Min(1)", "@Max(10)"), field(fields, "other").constraints());
    assertEquals(
        List.of("@Size(max=5, min=1)", "@Pattern(regexp=\"[a-z]+\")"),
        field(fields, "name").constraints());
  }

  @Test
  void constraintsOnTypeArgumentsNameTheElementOrTheKeyAndValue() {
    List<FieldDescription> fields = describer.fields(new Plugin("p", "m", null));

    assertEquals(List.of("key @NotBlank", "value @Min(1)"), field(fields, "limits").constraints());
    assertEquals(List.of("element @Size(max=3)"), field(fields, "tags").constraints());
    assertEquals(
        List.of("@NotEmpty", "element @NotNull", "element @NotBlank"),
        field(describer.fields(new ProcessPlugin()), "cmd").constraints());
  }

  @Test
  void typesNamesDescriptionsAndEnumValues() {
    List<FieldDescription> fields = describer.fields(new Plugin("p", "m", null));

    assertEquals(
        List.of(
            "count",
            "other",
            "name",
            "limits",
            "tags",
            "level",
            "delay",
            "folder",
            "verbose",
            "ratio",
            "ready_line"),
        fields.stream().map(FieldDescription::name).toList());
    assertEquals(
        List.of(
            "integer", "integer", "string", "object", "array", "enum", "seconds", "path", "boolean",
            "number", "string"),
        fields.stream().map(FieldDescription::type).toList());
    assertEquals(List.of("QUIET", "LOUD"), field(fields, "level").values());
    assertEquals(List.of(), field(fields, "count").values());
    assertEquals("Between one and ten", field(fields, "count").description());
    assertNull(field(fields, "other").description());
    assertEquals(List.of(), field(fields, "verbose").constraints());
  }

  @Test
  void defaultsAreGivenInTheJsonFormTheyAreReadIn() {
    List<FieldDescription> none = describer.fields(new Plugin("p", "m", null));
    List<FieldDescription> fields = describer.fields(new Plugin("p", "m", DEFAULTS));

    assertFalse(field(none, "count").hasDefault());
    assertEquals(2, field(fields, "count").defaultValue());
    assertEquals(new BigDecimal("1.5"), field(fields, "delay").defaultValue());
    assertEquals("LOUD", field(fields, "level").defaultValue());
    assertEquals("/srv", field(fields, "folder").defaultValue());
    assertEquals(Map.of("a", 1), field(fields, "limits").defaultValue());
    FieldDescription readyLine = field(fields, "ready_line");
    assertEquals(true, readyLine.hasDefault(), "a default of null is a default");
    assertNull(readyLine.defaultValue());
    assertEquals(
        Path.of("").toAbsolutePath().toString(),
        field(describer.fields(new HttpServerFallbackPlugin()), "directory").defaultValue());
  }

  @Test
  void productsAndModesAreSortedByNameWithTheirServers() {
    List<ProductDescription> products =
        describer.describe(
            List.of(
                new Plugin("zeta", "local", null),
                new Plugin("alpha", "remote", null),
                new Plugin("alpha", "local", DEFAULTS)));

    assertEquals(
        List.of("alpha", "zeta"), products.stream().map(ProductDescription::product).toList());
    ModeDescription first = products.get(0).modes().get(0);
    assertEquals(
        List.of("local", "remote"),
        products.get(0).modes().stream().map(ModeDescription::mode).toList());
    assertEquals("alpha.local", first.plugin());
    assertEquals(List.of("files", "main"), List.copyOf(first.servers().keySet()));
    assertEquals(ServerType.GENERIC, first.servers().get("main"));
  }
}
