package io.sessionlauncher.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ready-line matcher over a stream fed in arbitrary chunks. */
class StreamMatcherTest {

  private static StreamMatcher matcher(String pattern) {
    return new StreamMatcher(pattern.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean feed(StreamMatcher matcher, String chunk) {
    byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
    return matcher.feed(bytes, 0, bytes.length);
  }

  @Test
  void findsThePatternInOneChunk() {
    assertTrue(feed(matcher("Starting factory"), "wslink: Starting factory\n"));
  }

  @Test
  void doesNotFindWhatIsNotThere() {
    StreamMatcher m = matcher("Starting factory");

    assertFalse(feed(m, "Starting factor"));
    assertFalse(feed(m, "x; Starting fact"));
    assertFalse(feed(m, "orx; starting factory"));
  }

  @Test
  void matchesAcrossChunkBoundaries() {
    StreamMatcher m = matcher("Starting factory");

    assertFalse(feed(m, "log line\nwslink: Starting fa"));
    assertTrue(feed(m, "ctory"));
  }

  @Test
  void matchesWhenFedOneByteAtATimeAndOnlyAtTheLastByte() {
    String text = "noise Starting factory";
    StreamMatcher m = matcher("Starting factory");

    for (int i = 0; i < text.length(); i++) {
      boolean found = feed(m, text.substring(i, i + 1));
      assertEquals(i == text.length() - 1, found, "after byte " + i);
    }
  }

  @Test
  void overlappingPrefixes() {
    assertTrue(feed(matcher("aab"), "aaab"));
    assertTrue(feed(matcher("abab"), "ababab"));
    assertTrue(feed(matcher("ababc"), "abababc"));
    assertTrue(feed(matcher("aaaa"), "aaabaaaa"));

    StreamMatcher split = matcher("aab");
    assertFalse(feed(split, "a"));
    assertFalse(feed(split, "a"));
    assertFalse(feed(split, "a"));
    assertTrue(feed(split, "b"));
  }

  @Test
  void staysFoundOnceFound() {
    StreamMatcher m = matcher("ready");

    assertTrue(feed(m, "ready"));
    assertTrue(feed(m, "anything else"));
    assertTrue(m.feed(new byte[0], 0, 0));
  }

  @Test
  void respectsOffsetAndLength() {
    byte[] buffer = "readyXXXready".getBytes(StandardCharsets.UTF_8);
    StreamMatcher m = matcher("ready");

    assertFalse(m.feed(buffer, 1, 7));
    assertFalse(m.feed(buffer, 8, 4));
    assertTrue(m.feed(buffer, 12, 1));
  }

  @Test
  void multibyteCharactersSplitInTheMiddle() {
    byte[] pattern = "prêt ✓".getBytes(StandardCharsets.UTF_8);
    StreamMatcher m = new StreamMatcher(pattern);
    byte[] text = "… prêt ✓".getBytes(StandardCharsets.UTF_8);

    assertFalse(m.feed(text, 0, text.length - 2));
    assertTrue(m.feed(text, text.length - 2, 2));
  }

  @Test
  void agreesWithStringSearchOnRandomChunkings() {
    Random random = new Random(20240611L);
    for (int round = 0; round < 2000; round++) {
      String pattern = randomText(random, 1 + random.nextInt(5));
      String text = randomText(random, random.nextInt(30));
      StreamMatcher m = matcher(pattern);
      byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
      int position = 0;
      boolean found = false;
      while (position < bytes.length) {
        int length = 1 + random.nextInt(bytes.length - position);
        found = m.feed(bytes, position, length);
        position += length;
        assertEquals(
            text.substring(0, position).contains(pattern),
            found,
            "pattern " + pattern + " in " + text + " up to " + position);
      }
      assertEquals(text.contains(pattern), found, pattern + " in " + text);
    }
  }

  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(2)));
    }
    return text.toString();
  }

  @Test
  void anEmptyPatternIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new StreamMatcher(new byte[0]));
  }
}
