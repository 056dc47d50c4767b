package io.sessionlauncher.engine.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The last bytes of a session log, for operators' messages and owners' views. */
public final class LogTail {
  private LogTail() {}

  /** The last {@code bytes} bytes of {@code log} as text, or empty when it cannot be read. */
  public static String read(Path log, int bytes) {
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
      long size = channel.size();
      int length = (int) Math.min(size, bytes);
      ByteBuffer buffer = ByteBuffer.allocate(length);
      long position = size - length;
      while (buffer.hasRemaining()) {
        int read = channel.read(buffer, position + buffer.position());
        if (read < 0) {
          break;
        }
      }
      return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
