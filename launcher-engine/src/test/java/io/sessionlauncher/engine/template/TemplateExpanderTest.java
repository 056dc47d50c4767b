package io.sessionlauncher.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.model.UnresolvedVariableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code $name}, {@code ${name}} and {@code $$}, read as Python's {@code string.Template}. */
class TemplateExpanderTest {
  private static final Map<String, String> VALUES =
      Map.of(
          "x", "X",
          "port", "9001",
          "_under", "U",
          "a1", "A1",
          "evil", "$port and ${port} and $$");

  private static Optional<String> lookup(String name) {
    return Optional.ofNullable(VALUES.get(name));
  }

  private static String expand(String template) {
    return TemplateExpander.expand(template, TemplateExpanderTest::lookup);
  }

  @ParameterizedTest(name = "[{index}] <{0}> -> <{1}>")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "$x | X",
        "${x} | X",
        "a$x.b | aX.b",
        "${x}y | Xy",
        "--port=$port | --port=9001",
        "$_under$a1 | UA1",
        "$$ | $",
        "$$x | $x",
        "$$$x | $X",
        "$$${x} | $X",
        "price: 5$ | price: 5$",
        "'$ ' | '$ '",
        "$1 | $1",
        "${ x } | ${ x }",
        "${1x} | ${1x}",
        "${x | ${x",
        "${} | ${}",
        "$-x | $-x",
        "no variables | no variables"
      })
  void expands(String template, String expected) {
    assertEquals(expected, expand(template));
  }

  @Test
  void aLoneDollarAtTheEndIsKept() {
    assertEquals("cost$", expand("cost$"));
    assertEquals("$", expand("$"));
  }

  @Test
  void theEmptyTemplateStaysEmpty() {
    assertEquals("", expand(""));
  }

  @Test
  void aValueIsInsertedLiterallyAndNeverExpandedAgain() {
    assertEquals("--file=$port and ${port} and $$", expand("--file=$evil"));
    assertEquals("$port and ${port} and $$!", expand("${evil}!"));
  }

  @Test
  void theLongestNameIsTakenWithoutBraces() {
    UnresolvedVariableException e =
        assertThrows(UnresolvedVariableException.class, () -> expand("$xy"));

    assertEquals("xy", e.variable());
  }

  @Test
  void anUnresolvedVariableIsNamed() {
    UnresolvedVariableException e =
        assertThrows(UnresolvedVariableException.class, () -> expand("--load ${fileToLoad} $x"));

    assertEquals("fileToLoad", e.variable());
    assertTrue(e.getMessage().contains("'fileToLoad'"), e.getMessage());
  }

  @Test
  void theFirstUnresolvedVariableIsNamed() {
    UnresolvedVariableException e =
        assertThrows(UnresolvedVariableException.class, () -> expand("$x $first ${second}"));

    assertEquals("first", e.variable());
  }

  @Test
  void eachVariableIsLookedUpByItsName() {
    List<String> asked = new ArrayList<>();
    String result =
        TemplateExpander.expand(
            "$a-${b}c-$$d",
            name -> {
              asked.add(name);
              return Optional.of(name.toUpperCase(Locale.ROOT));
            });

    assertEquals("A-Bc-$d", result);
    assertEquals(List.of("a", "b"), asked);
  }

  @Test
  void variablesAreFoundInBothFormsAndLiteralDollarsAreNot() {
    assertTrue(TemplateExpander.hasVariables("${port}"));
    assertTrue(TemplateExpander.hasVariables("--port=$port"));
    assertFalse(TemplateExpander.hasVariables("cost: 5$"));
    assertFalse(TemplateExpander.hasVariables("$$HOME"));
    assertFalse(TemplateExpander.hasVariables("${not a name}"));
    assertFalse(TemplateExpander.hasVariables("plain"));
  }
}
