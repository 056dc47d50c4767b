package io.sessionlauncher.rest.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sessionlauncher.model.RequestTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The body limit: the limit itself passes, one byte more fails. */
class LimitedInputStreamTest {
  @Test
  void readsABodyOfExactlyTheLimit() throws IOException {
    var in = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);
    assertEquals(100, in.readAllBytes().length);
  }

  @Test
  void failsOnTheFirstByteBeyondTheLimit() {
    var in = new LimitedInputStream(new ByteArrayInputStream(new byte[101]), 100);
    RequestTooLargeException error = assertThrows(RequestTooLargeException.class, in::readAllBytes);
    assertEquals("The request body is larger than 100 bytes", error.getMessage());
  }

  @Test
  void countsSingleBytesToo() throws IOException {
    var in = new LimitedInputStream(new ByteArrayInputStream(new byte[3]), 2);
    in.read();
    in.read();
    assertThrows(RequestTooLargeException.class, in::read);
  }
}
