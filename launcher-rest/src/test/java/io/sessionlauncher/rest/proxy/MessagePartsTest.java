package io.sessionlauncher.rest.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the parts of a proxied message are gathered into frames, and that they stay bounded. */
class MessagePartsTest {
  private static final int PART = 16 * 1024;

  private record Sent(ByteBuffer bytes, boolean last) {}

  private final List<Sent> sent = new ArrayList<>();
  private final MessageParts parts = new MessageParts();

  private void sink(ByteBuffer part, boolean last) {
    ByteBuffer copy = ByteBuffer.allocate(part.remaining()).put(part).flip();
    sent.add(new Sent(copy, last));
  }

  private static ByteBuffer filled(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (seed + i);
    }
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  @Test
  void aWholeMessageGoesOnAsItIsWithNoCopy() throws Exception {
    ByteBuffer whole = filled(1024, 1);
    List<ByteBuffer> passed = new ArrayList<>();
    parts.binary(whole, true, (part, last) -> passed.add(part));
    assertEquals(1, passed.size());
    assertSame(whole, passed.get(0));
  }

  @Test
  void partsOfA64KibMessageGoOnAsOneFrame() throws Exception {
    for (int i = 0; i < 4; i++) {
      parts.binary(filled(PART, i), i == 3, this::sink);
      assertEquals(i == 3 ? 1 : 0, sent.size(), "nothing passed on before the window is full");
    }
    assertEquals(MessageParts.WINDOW, sent.get(0).bytes().remaining());
    assertTrue(sent.get(0).last());
    ByteBuffer expected = ByteBuffer.allocate(MessageParts.WINDOW);
    for (int i = 0; i < 4; i++) {
      expected.put(filled(PART, i));
    }
    assertEquals(expected.flip(), sent.get(0).bytes());
  }

  @Test
  void aLargerMessageGoesOnInFragmentsOfAtMostTheWindowInOrder() throws Exception {
    int total = 0;
    for (int i = 0; i < 11; i++) {
      int size = 10_000 + i * 1000;
      total += size;
      parts.binary(filled(size, i), i == 10, this::sink);
    }
    assertTrue(sent.size() > 1);
    int received = 0;
    for (int i = 0; i < sent.size(); i++) {
      assertTrue(sent.get(i).bytes().remaining() <= MessageParts.WINDOW);
      assertEquals(i == sent.size() - 1, sent.get(i).last());
      received += sent.get(i).bytes().remaining();
    }
    assertEquals(total, received);
  }

  @Test
  void aPartOfAtLeastTheWindowIsNotCopied() throws Exception {
    parts.binary(filled(PART, 0), false, this::sink);
    ByteBuffer big = filled(MessageParts.WINDOW, 9);
    List<ByteBuffer> passed = new ArrayList<>();
    parts.binary(
        big,
        false,
        (part, last) -> passed.add(part.remaining() == MessageParts.WINDOW ? part : null));
    assertEquals(2, passed.size(), "the held part first, then the large one");
    assertSame(big, passed.get(1));
  }

  @Test
  void textPartsAreGatheredAndCountedInUtf8Bytes() throws Exception {
    List<String> texts = new ArrayList<>();
    List<Boolean> lasts = new ArrayList<>();
    String part = "é".repeat(PART / 2);
    int bytes = MessageParts.utf8Length(part);
    assertEquals(PART, bytes);
    for (int i = 0; i < 5; i++) {
      parts.text(
          part,
          bytes,
          i == 4,
          (text, last) -> {
            texts.add(text);
            lasts.add(last);
          });
    }
    assertEquals(List.of(part.repeat(4), part), texts);
    assertEquals(List.of(false, true), lasts);
  }

  @Test
  void theUtf8LengthIsTheEncodedLength() {
    for (String text : List.of("", "ascii", "é€", "a\uD83D\uDE00b", "\u07FF\u0800\uFFFF")) {
      assertEquals(text.getBytes(StandardCharsets.UTF_8).length, MessageParts.utf8Length(text));
    }
  }
}
