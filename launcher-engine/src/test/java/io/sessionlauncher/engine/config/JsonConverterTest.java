package io.sessionlauncher.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one set of JSON-to-Java rules that {@code launcher.json}, plugin configurations and stored
 * product configurations are read by, and the one wording of its refusals: the path, what was
 * expected, what was found.
 */
class JsonConverterTest {
  /** Types a configuration record may have, reached through a record's generic signature. */
  record Types(
      List<Path> paths,
      Map<String, Integer> counts,
      List<Map<String, Duration>> nested,
      Set<String> set) {}

  private static Type type(String component) {
    for (var recordComponent : Types.class.getRecordComponents()) {
      if (recordComponent.getName().equals(component)) {
        return recordComponent.getGenericType();
      }
    }
    throw new AssertionError(component);
  }

  /** Reading fails at exactly {@code path}, with exactly {@code problem}. */
  private static void refused(String path, String problem, Runnable read) {
    InvalidValueException e = assertThrows(InvalidValueException.class, read::run);
    assertEquals(path, e.path(), e.getMessage());
    assertEquals(problem, e.problem());
    assertEquals(path + ": " + problem, e.getMessage());
  }

  @Test
  void valuesAreDescribedByTheirJsonKind() {
    assertEquals("the string \"a \\\"b\\\"\\n\"", JsonConverter.describe("a \"b\"\n"));
    assertEquals("the number 5", JsonConverter.describe(5L));
    assertEquals("the number 2.50", JsonConverter.describe(new BigDecimal("2.50")));
    assertEquals("the boolean true", JsonConverter.describe(true));
    assertEquals("an array", JsonConverter.describe(List.of(1)));
    assertEquals("an object", JsonConverter.describe(Map.of("a", 1)));
    assertEquals("null", JsonConverter.describe(null));
    assertEquals("the Java object /x", JsonConverter.describe(Path.of("/x")));
  }

  @Test
  void textTakesStringsAndBareScalarsButNothingElse() {
    assertEquals("abc", JsonConverter.text("k", "abc"));
    assertEquals("5", JsonConverter.text("k", 5L));
    assertEquals("2.50", JsonConverter.text("k", new BigDecimal("2.50")));
    assertEquals("true", JsonConverter.text("k", true));
    refused("a.k", "expected a string, found an object", () -> JsonConverter.text("a.k", Map.of()));
    refused("k", "expected a string, found null", () -> JsonConverter.text("k", null));
    refused("k", "expected a string, found the number 5", () -> JsonConverter.strictText("k", 5L));
  }

  @Test
  void wholeNumbersComeFromNumbersOrTextWithoutFractionAndWithinRange() {
    assertEquals(80, JsonConverter.integer("port", "80", 0, 65535));
    assertEquals(80, JsonConverter.integer("port", new BigDecimal("80.0"), 0, 65535));
    assertEquals(1000, JsonConverter.integer("port", new BigDecimal("1E+3"), 0, 65535));
    refused(
        "port",
        "expected a whole number, found the string \"80.5\"",
        () -> JsonConverter.integer("port", "80.5", 0, 65535));
    refused(
        "port",
        "expected a whole number, found the string \"eighty\"",
        () -> JsonConverter.integer("port", "eighty", 0, 65535));
    refused(
        "port",
        "expected a whole number from 0 to 65535, found the number 70000",
        () -> JsonConverter.integer("port", 70000L, 0, 65535));
    refused(
        "n",
        "expected a whole number from -9223372036854775808 to 9223372036854775807, found the"
            + " number 1E+19",
        () -> JsonConverter.read("n", new BigDecimal("1E+19"), long.class));
  }

  @Test
  void numbersBooleansAndChoices() {
    assertEquals(new BigDecimal("1.5"), JsonConverter.number("x", " 1.5 "));
    refused(
        "x", "expected a number, found the boolean true", () -> JsonConverter.number("x", true));
    assertEquals(1.5, JsonConverter.read("x", "1.5", double.class));
    assertEquals(true, JsonConverter.bool("b", "true"));
    assertEquals(false, JsonConverter.bool("b", false));
    refused(
        "b",
        "expected true or false, found the string \"yes\"",
        () -> JsonConverter.bool("b", "yes"));
    assertEquals("stop", JsonConverter.choice("c", "stop", List.of("adopt", "stop")));
    refused(
        "c",
        "expected one of [\"adopt\", \"stop\"], found the string \"STOP\"",
        () -> JsonConverter.choice("c", "STOP", List.of("adopt", "stop")));
  }

  enum Level {
    QUIET,
    LOUD
  }

  @Test
  void enumsTakeAConstantsNameInAnyCase() {
    assertEquals(Level.LOUD, JsonConverter.constant("level", "loud", Level.class));
    refused(
        "level",
        "expected one of [\"QUIET\", \"LOUD\"], found the number 1",
        () -> JsonConverter.constant("level", 1L, Level.class));
  }

  @Test
  void durationsAreSecondsToTheMillisecondAndNeverNegative() {
    assertEquals(Duration.ofMillis(1500), JsonConverter.seconds("t", new BigDecimal("1.5"), true));
    assertEquals(Duration.ofMillis(1), JsonConverter.seconds("t", "0.0019", true));
    assertEquals(Duration.ZERO, JsonConverter.seconds("t", 0L, true));
    assertEquals(Duration.ofSeconds(2), JsonConverter.read("t", 2L, Duration.class));
    refused(
        "t",
        "expected a number of seconds, 0 or more, found the number -1",
        () -> JsonConverter.seconds("t", -1L, true));
    refused(
        "t",
        "expected a number of seconds, 0 or more, found the string \"-0.5\"",
        () -> JsonConverter.read("t", "-0.5", Duration.class));
    refused(
        "t",
        "expected a number of seconds above 0, found the number 0",
        () -> JsonConverter.seconds("t", 0L, false));
    refused(
        "t",
        "expected a number of seconds above 0, found the string \"soon\"",
        () -> JsonConverter.seconds("t", "soon", false));
    refused(
        "t",
        "expected a number of seconds up to 9223372036854775, found the number 1E+30",
        () -> JsonConverter.seconds("t", new BigDecimal("1E+30"), true));
  }

  @Test
  void pathsAreTextThatIsAValidPath() {
    assertEquals(Path.of("a/b"), JsonConverter.path("p", "a/b"));
    refused(
        "p",
        "expected a file path, found the string \"a\\u0000b\"",
        () -> JsonConverter.path("p", "a\0b"));
    refused("p", "expected a file path, found an array", () -> JsonConverter.path("p", List.of()));
  }

  @Test
  void listsAndMapsAreReadElementByElementAndErrorsNameTheElement() {
    assertEquals(
        List.of(Path.of("/a"), Path.of("b")),
        JsonConverter.read("paths", List.of("/a", "b"), type("paths")));
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("x", 1L);
    counts.put("y", "2");
    assertEquals(Map.of("x", 1, "y", 2), JsonConverter.read("counts", counts, type("counts")));

    refused(
        "cfg.paths[1]",
        "expected a file path, found an object",
        () -> JsonConverter.read("cfg.paths", List.of("/a", Map.of()), type("paths")));
    refused(
        "counts.y",
        "expected a whole number, found the string \"two\"",
        () -> JsonConverter.read("counts", Map.of("y", "two"), type("counts")));
    refused(
        "nested[0].later",
        "expected a number of seconds, 0 or more, found the number -3",
        () -> JsonConverter.read("nested", List.of(Map.of("later", -3L)), type("nested")));
    refused(
        "paths",
        "expected an array, found the string \"/a\"",
        () -> JsonConverter.read("paths", "/a", type("paths")));
    refused(
        "counts",
        "expected an object, found an array",
        () -> JsonConverter.read("counts", List.of(), type("counts")));
    refused(
        "set",
        "has a type the launcher cannot read: java.util.Set",
        () -> JsonConverter.read("set", List.of(), type("set")));
  }

  @Test
  void aMissingValueIsNamed() {
    refused("a.b", "is required but missing", () -> JsonConverter.required("a.b", null));
    assertEquals("a.b", JsonConverter.key("a", "b"));
    assertEquals("b", JsonConverter.key("", "b"));
    assertEquals("a[2]", JsonConverter.element("a", 2));
  }

  @Test
  void javaNamesAreWrittenInSnakeCase() {
    assertEquals("ready_line", JsonConverter.jsonName("readyLine"));
    assertEquals("cmd", JsonConverter.jsonName("cmd"));
  }

  @Test
  void theJsonFormOfAValueReadsBackAsTheSameValue() {
    Duration duration = Duration.ofMillis(1500);
    assertEquals(new BigDecimal("1.5"), JsonConverter.toJsonForm(duration));
    assertEquals(
        duration, JsonConverter.read("t", JsonConverter.toJsonForm(duration), Duration.class));
    assertEquals("50", JsonConverter.toJsonForm(Duration.ofSeconds(50)).toString(), "no exponent");
    assertEquals("LOUD", JsonConverter.toJsonForm(Level.LOUD));
    assertEquals("/srv", JsonConverter.toJsonForm(Path.of("/srv")));
    assertEquals(
        List.of(Map.of("later", new BigDecimal("3"))),
        JsonConverter.toJsonForm(List.of(Map.of("later", Duration.ofSeconds(3)))));
    List<Object> withNull = new ArrayList<>();
    withNull.add(null);
    assertEquals(withNull, JsonConverter.toJsonForm(withNull));
    assertNull(JsonConverter.toJsonForm(null));
  }
}
