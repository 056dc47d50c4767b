package io.sessionlauncher.engine.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the environment of the launcher's own user's processes from {@code /proc/<pid>/environ}, to
 * find those carrying a {@link SessionMarker}. Other users' processes are passed over without
 * reading: a session cannot become another user without a set-uid program, and the kernel would
 * refuse anyway. One reader serves one scan; its buffer is reused from process to process.
 */
final class EnvironReader {
  private static final Path SELF = Path.of("/proc/self");
  private static final int FIRST_BUFFER_BYTES = 16 * 1024;

  /** What a scan learned of one process. */
  enum Answer {
    YES,
    NO,
    UNREADABLE
  }

  private final int uid;
  private byte[] buffer = new byte[FIRST_BUFFER_BYTES];

  private EnvironReader(int uid) {
    this.uid = uid;
  }

  /** A reader, or {@code null} where environments cannot be read at all (no or a hidden /proc). */
  static EnvironReader open() {
    try {
      int uid = uidOf(SELF);
      try (InputStream in = Files.newInputStream(SELF.resolve("environ"))) {
        var unused = in.read();
      }
      return new EnvironReader(uid);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Whether the process (its {@code /proc} folder) carries the marker. */
  Answer carries(Path process, SessionMarker marker) {
    try {
      if (uidOf(process) != uid) {
        return Answer.NO;
      }
    } catch (IOException | RuntimeException e) {
      return Answer.NO; // ended while the table was read
    }
    try (InputStream in = Files.newInputStream(process.resolve("environ"))) {
      int length = 0;
      while (true) {
        if (length == buffer.length - 1) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        // One byte stays free for the terminator added below.
        int read = in.read(buffer, length, buffer.length - 1 - length);
        if (read < 0) {
          break;
        }
        length += read;
      }
      // The last entry normally ends with a NUL; a process that rewrote its own may have lost it.
      if (length == 0 || buffer[length - 1] != 0) {
        buffer[length++] = 0;
      }
      return marker.isIn(buffer, length) ? Answer.YES : Answer.NO;
    } catch (AccessDeniedException e) {
      return Files.isDirectory(process) ? Answer.UNREADABLE : Answer.NO;
    } catch (IOException e) {
      return Answer.NO; // ended while being read
    }
  }

  private static int uidOf(Path path) throws IOException {
    return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
  }
}
