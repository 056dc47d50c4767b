package io.sessionlauncher.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.model.InvalidRequestException;
import io.sessionlauncher.rest.testing.Multipart;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming multipart reader, fed whole, byte by byte, and in odd chunks. */
class MultipartReaderTest {
  private static final String B = Multipart.BOUNDARY;

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 41, 8192, 1 << 20})
  void readsPartsWhateverTheChunksTheBodyArrivesIn(int chunk) throws IOException {
    byte[] binary = new byte[100_000];
    new Random(42).nextBytes(binary);
    // Content that starts like a delimiter but is not one.
    String tricky = "a\r\n--" + B.substring(0, 10) + "\r\n-\r\n--\r";
    byte[] body =
        new Multipart()
            .file("f", "tricky.txt", tricky)
            .field("comment", "")
            .file("g", "random.bin", binary)
            .bytes();
    List<byte[]> contents = new ArrayList<>();
    List<String> dispositions = new ArrayList<>();
    MultipartReader reader = new MultipartReader(chunked(body, chunk), B);
    for (var part = reader.next(); part != null; part = reader.next()) {
      dispositions.add(part.header("content-disposition"));
      contents.add(part.content().readAllBytes());
    }
    assertEquals(3, contents.size());
    assertEquals(tricky, new String(contents.get(0), StandardCharsets.UTF_8));
    assertEquals(0, contents.get(1).length);
    assertArrayEquals(binary, contents.get(2));
    assertEquals("form-data; name=\"comment\"", dispositions.get(1));
    assertNull(reader.next(), "stays at the end");
  }

  @Test
  void ignoresPreambleAndEpilogueAndSkipsUnreadParts() throws IOException {
    String body =
        "This is the preamble.\r\n--"
            + B
            + "\r\nContent-Disposition: form-data; name=\"skipped\"\r\n\r\nnot read\r\n--"
            + B
            + "  \r\nContent-Disposition: form-data; name=\"kept\"\r\n"
            + "X-Folded: one\r\n two\r\n\r\nkept\r\n--"
            + B
            + "--\r\nThis is the epilogue.";
    MultipartReader reader = new MultipartReader(stream(body), B);
    var skipped = reader.next();
    var kept = reader.next();
    assertEquals(-1, skipped.content().read(), "a part left behind reads as ended");
    assertEquals("kept", new String(kept.content().readAllBytes(), StandardCharsets.UTF_8));
    assertEquals("one two", kept.header("X-Folded"));
    assertNull(reader.next());
  }

  @Test
  void acceptsABodyThatOpensWithALineBreak() throws IOException {
    String body = "\r\n--" + B + "\r\nA: b\r\n\r\nx\r\n--" + B + "--";
    MultipartReader reader = new MultipartReader(stream(body), B);
    assertEquals("x", new String(reader.next().content().readAllBytes(), StandardCharsets.UTF_8));
    assertNull(reader.next());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "no boundary at all",
        "--" + B + "\r\nA: b\r\n\r\ncut in the middle",
        "--" + B + "\r\nA: b\r\n",
        "--" + B + "junk\r\nA: b\r\n\r\nx\r\n--" + B + "--",
        "--" + B + "\r\nno colon here\r\n\r\nx\r\n--" + B + "--",
        "--" + B + "\r\nA: b\r\n\r\nx\r\n--" + B,
      })
  void refusesWhatIsNotMultipart(String body) {
    assertThrows(
        InvalidRequestException.class,
        () -> {
          MultipartReader reader = new MultipartReader(stream(body), B);
          for (var part = reader.next(); part != null; part = reader.next()) {
            part.content().readAllBytes();
          }
        });
  }

  @Test
  void refusesHeadersThatNeverEnd() {
    String body = "--" + B + "\r\nX: " + "y".repeat(MultipartReader.MAX_HEADER_BYTES) + "\r\n\r\n";
    InvalidRequestException error =
        assertThrows(
            InvalidRequestException.class, () -> new MultipartReader(stream(body), B).next());
    assertTrue(error.getMessage().contains("longer than"), error.getMessage());
  }

  @Test
  void aFailureToReadTheRequestIsAnInvalidRequest() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            throw new IOException("connection reset");
          }
        };
    InvalidRequestException error =
        assertThrows(InvalidRequestException.class, () -> new MultipartReader(broken, B).next());
    assertTrue(error.getMessage().contains("connection reset"));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Gives at most {@code chunk} bytes per read, as a slow network would. */
  private static InputStream chunked(byte[] body, int chunk) {
    return new FilterInputStream(new ByteArrayInputStream(body)) {
      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        return super.read(buffer, offset, Math.min(length, chunk));
      }
    };
  }
}
