package io.sessionlauncher.rest.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sessionlauncher.model.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The base name an uploaded file is stored under, and the names refused. */
class UploadNameTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "report.csv|report.csv",
        "../../etc/passwd|passwd",
        "/abs/olute.txt|olute.txt",
        "C:\\Users\\me\\a.txt|a.txt",
        "mixed/slash\\back.txt|back.txt",
        "..hidden..|..hidden..",
        ".profile|.profile",
        "spaced name.txt|spaced name.txt",
        "résumé.pdf|résumé.pdf",
      })
  void keepsTheBaseName(String sent, String stored) {
    assertEquals(stored, UploadName.of(sent));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "..",
        "a/",
        "a/.",
        "a/..",
        "a\\..",
        "nul\u0000",
        "line\nbreak",
        "cr\r",
        "esc\u001b[31m",
        "del\u007f",
        "c1\u0085"
      })
  void refusesWhatCannotBeStored(String sent) {
    assertThrows(InvalidRequestException.class, () -> UploadName.of(sent));
  }

  @ParameterizedTest
  @ValueSource(ints = {256, 1000})
  void refusesNamesLongerThanAFileSystemTakes(int length) {
    assertThrows(InvalidRequestException.class, () -> UploadName.of("x".repeat(length)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 255})
  void acceptsNamesUpTo255Bytes(int length) {
    assertEquals("x".repeat(length), UploadName.of("dir/" + "x".repeat(length)));
  }
}
