package io.sessionlauncher.rest.proxy;

import java.nio.ByteBuffer;

/**
 * The parts of one message in one direction, gathered up to {@link #WINDOW} bytes before they are
 * passed on: the clients on either side cut a message into parts as their reads happen to end (the
 * JDK's every 16 KiB), and writing each as a frame of its own costs a write and a wake-up per part.
 * A message that arrives whole, or a part of at least the window, is passed on as it is, with no
 * copy; nothing is held between messages. Not thread-safe: each direction has its own, and its
 * client delivers parts one at a time.
 */
final class MessageParts {
  /** The most bytes held per direction; a 64 KiB message arriving in parts goes on as one frame. */
  static final int WINDOW = 64 * 1024;

  /** Where binary parts go; each call is done with its buffer when it returns. */
  @FunctionalInterface
  interface BinarySink<X extends Exception> {
    void send(ByteBuffer part, boolean last) throws X;
  }

  /** Where text parts go. */
  @FunctionalInterface
  interface TextSink<X extends Exception> {
    void send(String part, boolean last) throws X;
  }

  private ByteBuffer binary;
  private StringBuilder text;
  private int textBytes;

  /**
   * Takes a binary part: passes on what is due (nothing, the held parts, this part, or both), and
   * holds the rest.
   */
  <X extends Exception> void binary(ByteBuffer part, boolean last, BinarySink<X> sink) throws X {
    if (binary != null && binary.remaining() < part.remaining()) {
      sink.send(binary.flip(), false);
      binary = null;
    }
    if (binary == null) {
      if (last || part.remaining() >= WINDOW) {
        sink.send(part, last);
        return;
      }
      binary = ByteBuffer.allocate(WINDOW);
    }
    binary.put(part);
    if (last || !binary.hasRemaining()) {
      ByteBuffer held = binary.flip();
      binary = null;
      sink.send(held, last);
    }
  }

  /** Takes a text part of {@code bytes} UTF-8 bytes, as {@link #binary} does. */
  <X extends Exception> void text(CharSequence part, int bytes, boolean last, TextSink<X> sink)
      throws X {
    if (text != null && textBytes + bytes > WINDOW) {
      flushText(false, sink);
    }
    if (text == null) {
      if (last || bytes >= WINDOW) {
        sink.send(part.toString(), last);
        return;
      }
      text = new StringBuilder(Math.max(2 * part.length(), 1024));
    }
    text.append(part);
    textBytes += bytes;
    if (last || textBytes >= WINDOW) {
      flushText(last, sink);
    }
  }

  private <X extends Exception> void flushText(boolean last, TextSink<X> sink) throws X {
    String held = text.toString();
    text = null;
    textBytes = 0;
    sink.send(held, last);
  }

  /** The UTF-8 length of {@code chars}, counted without encoding them. */
  static int utf8Length(CharSequence chars) {
    int length = chars.length();
    int bytes = length;
    for (int i = 0; i < length; i++) {
      char c = chars.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c)
            && i + 1 < length
            && Character.isLowSurrogate(chars.charAt(i + 1))) {
          bytes += 2;
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }
}
