package io.sessionlauncher.rest.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** File names read from {@code Content-Disposition} headers as browsers and tools write them. */
class ContentDispositionTest {
  @Test
  void readsTheQuotedFileName() {
    assertEquals(
        Optional.of("a; b=c.txt"),
        ContentDisposition.fileName("form-data; name=\"f\"; filename=\"a; b=c.txt\""));
  }

  @Test
  void keepsBackslashesOfWindowsPathsButUnescapesQuotes() {
    assertEquals(
        Optional.of("C:\\Users\\me\\a.txt"),
        ContentDisposition.fileName("form-data; name=\"f\"; filename=\"C:\\Users\\me\\a.txt\""));
    assertEquals(
        Optional.of("say \"hi\".txt"),
        ContentDisposition.fileName("form-data; filename=\"say \\\"hi\\\".txt\""));
  }

  @Test
  void readsAnUnquotedFileName() {
    assertEquals(
        Optional.of("plain.txt"), ContentDisposition.fileName("form-data; filename=plain.txt"));
  }

  @Test
  void prefersTheExtendedFileNameWhenReadable() {
    assertEquals(
        Optional.of("€ rates.txt"),
        ContentDisposition.fileName(
            "form-data; filename=\"rates.txt\"; filename*=UTF-8''%E2%82%AC%20rates.txt"));
    assertEquals(
        Optional.of("rates.txt"),
        ContentDisposition.fileName(
            "form-data; filename=\"rates.txt\"; filename*=KOI8-R''%E2%82%AC"));
  }

  @Test
  void aFieldWithoutFileNameIsNotAFile() {
    assertEquals(Optional.empty(), ContentDisposition.fileName("form-data; name=\"comment\""));
    assertEquals(Optional.empty(), ContentDisposition.fileName(null));
    assertEquals(Optional.of(""), ContentDisposition.fileName("form-data; filename=\"\""));
  }
}
