package io.sessionlauncher.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Comment stripping: blanks in place of comments, strings untouched, positions kept. */
class LenientJsonTest {

  @Test
  void lineCommentsBecomeBlanksUpToTheLineEnd() {
    assertEquals("{}" + " ".repeat(6) + "\n[]", LenientJson.stripComments("{}// one\n[]"));
    assertEquals("{}" + " ".repeat(5) + "\n[]", LenientJson.stripComments("{}# one\n[]"));
  }

  @Test
  void blockCommentsKeepTheirLineEnds() {
    String text = "{/* a\n b */}";
    String stripped = LenientJson.stripComments(text);

    assertEquals("{" + " ".repeat(4) + "\n" + " ".repeat(5) + "}", stripped);
    assertEquals(text.length(), stripped.length());
  }

  @Test
  void anUnclosedBlockCommentRunsToTheEnd() {
    assertEquals("[1]" + " ".repeat(6), LenientJson.stripComments("[1]/* abc"));
  }

  @Test
  void commentMarkersInsideStringsAreText() {
    String text = "{\"a\": \"x#y//z/*w*/\", \"b\": \"q\\\"#still\\\\\"} # gone";

    assertEquals(
        "{\"a\": \"x#y//z/*w*/\", \"b\": \"q\\\"#still\\\\\"}" + " ".repeat(7),
        LenientJson.stripComments(text));
  }

  @Test
  void aSingleSlashIsKept() {
    assertEquals("[\"a\", 1/2]", LenientJson.stripComments("[\"a\", 1/2]"));
  }

  @Test
  void anUnterminatedStringEndsAtTheLineEnd() {
    assertEquals("[\"abc\n1]" + " ".repeat(4), LenientJson.stripComments("[\"abc\n1]// x"));
  }
}
