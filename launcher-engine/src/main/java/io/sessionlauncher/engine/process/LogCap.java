package io.sessionlauncher.engine.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a session log within {@code max_log_size} while the session writes to it directly (it holds
 * the file open for appending, as its standard output). A log grown past the cap is cut back the
 * way {@code copytruncate} does it, without copying: the first half of the cap (the start-up
 * output, the most useful part) stays, a line says that output was dropped, and the session's next
 * writes land after it, since it appends.
 */
public final class LogCap {
  private static final Logger LOG = Logger.getLogger(LogCap.class.getName());
  static final String MARKER =
      "\n[session launcher: output dropped, the log reached max_log_size]\n";

  private LogCap() {}

  /**
   * Cuts {@code log} back if it is larger than {@code maxBytes}.
   *
   * @return whether it was cut
   */
  public static boolean enforce(Path log, long maxBytes) {
    try {
      // One stat for the usual case, since every live session's log is looked at every sweep.
      if (Files.size(log) <= maxBytes) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    try (FileChannel channel =
        FileChannel.open(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      if (channel.size() <= maxBytes) {
        return false;
      }
      long keep = maxBytes / 2;
      channel.truncate(keep);
      byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
      if (marker.length <= maxBytes - keep) {
        channel.write(ByteBuffer.wrap(marker));
      }
      return true;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot keep the session log " + log + " within its size", e);
      return false;
    }
  }
}
