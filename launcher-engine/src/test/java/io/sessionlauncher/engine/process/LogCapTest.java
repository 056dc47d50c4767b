package io.sessionlauncher.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session log over its cap keeps its head, says output was dropped, and the writer appends on.
 */
class LogCapTest {
  @TempDir Path dir;

  @Test
  void aLogWithinItsCapIsLeftAlone() throws IOException {
    Path log = dir.resolve("s.txt");
    Files.writeString(log, "0123456789");

    assertFalse(LogCap.enforce(log, 10));

    assertEquals("0123456789", Files.readString(log));
  }

  @Test
  void aLogOverItsCapKeepsItsFirstHalfThenTheMarkerAndTheWriterAppendsAfterIt() throws IOException {
    Path log = dir.resolve("s.txt");
    long cap = 1000;
    // The session's own descriptor, opened for appending as its standard output is.
    try (OutputStream session =
        Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      session.write("a".repeat(1500).getBytes(StandardCharsets.UTF_8));
      session.flush();

      assertTrue(LogCap.enforce(log, cap));
      session.write("later\n".getBytes(StandardCharsets.UTF_8));
    }

    String text = Files.readString(log);
    assertEquals("a".repeat(500) + LogCap.MARKER + "later\n", text);
    assertTrue(Files.size(log) <= cap, "size " + Files.size(log));
  }

  @Test
  void aCapTooSmallForTheMarkerKeepsOnlyTheHead() throws IOException {
    Path log = dir.resolve("s.txt");
    Files.writeString(log, "0123456789abcdef");

    assertTrue(LogCap.enforce(log, 10));

    assertEquals("01234", Files.readString(log));
  }

  @Test
  void aMissingLogIsNoError() {
    assertFalse(LogCap.enforce(dir.resolve("none.txt"), 10));
  }
}
