package io.sessionlauncher.rest.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proxy's count of a text part's bytes is the length of its UTF-8 encoding. */
class Utf8Test {

  @Test
  void theCountIsTheEncodedLength() {
    for (String text :
        List.of("", "ascii", "é€", "a\uD83D\uDE00b", "\u007F\u0080\u07FF\u0800\uFFFF")) {
      assertEquals(text.getBytes(StandardCharsets.UTF_8).length, Utf8.length(text), text);
    }
  }
}
