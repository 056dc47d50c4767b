package io.sessionlauncher.rest.upload;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import io.sessionlauncher.testing.Multipart;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /upload}: multipart files stored under their base names, all or nothing. */
class UploadResourceTest {
  private static final int LIMIT = 64 * 1024;

  private static Path folder;
  private static Path uploads;

  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(
          1,
          json -> {
            folder = json.folder();
            // Not created beforehand: the first upload creates it.
            uploads = folder.resolve("uploads");
            return json.app("demo", DemoApp.app()).uploadDir(uploads).maxUploadSize(LIMIT);
          });

  private final Http http = new Http();

  @AfterEach
  void emptyUploads() throws IOException {
    if (Files.isDirectory(uploads)) {
      try (Stream<Path> files = Files.list(uploads)) {
        for (Path file : files.toList()) {
          // Plain files, links and the odd empty folder: all delete alike.
          Files.delete(file);
        }
      }
    }
  }

  private URI upload() {
    return launcher.uri("/upload");
  }

  @Test
  void storesEveryFileAndListsNamesAndSizes() throws IOException {
    byte[] binary = new byte[20_000];
    Arrays.fill(binary, (byte) '\n');
    binary[0] = '\r';
    Answer answer =
        http.send(
            new Multipart()
                .file("file", "notes.txt", "hello\r\n--not a boundary\r\n")
                .field("comment", "a plain field is not a file")
                .file("file", "data.bin", binary)
                .post(upload()));
    assertEquals(200, answer.status(), answer.body());
    assertTrue(answer.contentType().startsWith("application/json"));
    List<JsonObject> files = answer.json().getJsonArray("files").getValuesAs(JsonObject.class);
    assertEquals(2, files.size());
    assertEquals("notes.txt", files.get(0).getString("name"));
    assertEquals(25, files.get(0).getInt("size"));
    assertEquals("data.bin", files.get(1).getString("name"));
    assertEquals(binary.length, files.get(1).getInt("size"));
    assertEquals("hello\r\n--not a boundary\r\n", Files.readString(uploads.resolve("notes.txt")));
    assertArrayEquals(binary, Files.readAllBytes(uploads.resolve("data.bin")));
    assertEquals(Set.of("notes.txt", "data.bin"), names());
  }

  @Test
  void aFileSentWithAPathIsStoredUnderItsBaseNameInsideTheFolder() throws IOException {
    Answer answer =
        http.send(
            new Multipart()
                .file("a", "../../escaped.txt", "one")
                .file("b", "C:\\Users\\me\\report.csv", "two")
                .file("c", "/etc/cron.d/job", "three")
                .file("d", "some/dir/../x.txt", "four")
                .post(upload()));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(Set.of("escaped.txt", "report.csv", "job", "x.txt"), names());
    assertEquals("one", Files.readString(uploads.resolve("escaped.txt")));
    assertFalse(Files.exists(folder.resolve("escaped.txt")));
    assertFalse(Files.exists(folder.getParent().resolve("escaped.txt")));
  }

  private URI uploadReplacing() {
    return launcher.uri("/upload?replace=true");
  }

  @Test
  void anExistingFileOfTheSameNameIsRefusedWith409AndNothingIsStored() throws IOException {
    Files.createDirectories(uploads);
    Files.writeString(uploads.resolve("same.txt"), "old and longer");
    Answer answer =
        http.send(
            new Multipart()
                .file("a", "other.txt", "other")
                .file("f", "same.txt", "new")
                .post(upload()));
    assertEquals(409, answer.status(), answer.body());
    String error = answer.json().getString("error");
    assertTrue(error.contains("\"same.txt\" exists already") && error.contains("replace"), error);
    assertEquals("old and longer", Files.readString(uploads.resolve("same.txt")));
    assertEquals(Set.of("same.txt"), names());
  }

  @Test
  void anExistingFileOfTheSameNameIsReplacedWhenTheUploadAsks() throws IOException {
    Files.createDirectories(uploads);
    Files.writeString(uploads.resolve("same.txt"), "old and longer");
    Answer answer = http.send(new Multipart().file("f", "same.txt", "new").post(uploadReplacing()));
    assertEquals(200, answer.status(), answer.body());
    assertEquals("new", Files.readString(uploads.resolve("same.txt")));
  }

  @Test
  void anExistingLinkIsReplacedAndItsTargetLeftAlone() throws IOException {
    Files.createDirectories(uploads);
    Path target = Files.writeString(folder.resolve("target.txt"), "untouched");
    Files.createSymbolicLink(uploads.resolve("link.txt"), target);
    Answer answer = http.send(new Multipart().file("f", "link.txt", "new").post(uploadReplacing()));
    assertEquals(200, answer.status(), answer.body());
    assertEquals("untouched", Files.readString(target));
    assertFalse(Files.isSymbolicLink(uploads.resolve("link.txt")));
    assertEquals("new", Files.readString(uploads.resolve("link.txt")));
  }

  @Test
  void aFileNamedTwiceKeepsTheLastOne() throws IOException {
    Answer answer =
        http.send(
            new Multipart()
                .file("f", "twice.txt", "first")
                .file("f", "twice.txt", "second")
                .post(upload()));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(1, answer.json().getJsonArray("files").size());
    assertEquals("second", Files.readString(uploads.resolve("twice.txt")));
    assertEquals(Set.of("twice.txt"), names());
  }

  @Test
  void aUtf8NameIsKeptAsSentEitherWay() throws IOException {
    Answer answer =
        http.send(
            new Multipart()
                .file("f", "résumé.txt", "raw utf-8")
                .part(
                    "Content-Disposition: form-data; name=\"g\"; filename=\"fallback.txt\";"
                        + " filename*=UTF-8''%E2%82%AC%20rates.txt",
                    "extended".getBytes(StandardCharsets.UTF_8))
                .post(upload()));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(Set.of("résumé.txt", "€ rates.txt"), names());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "..",
        "dir/..",
        "dir/",
        "a\\..",
        "nul\u0000.txt",
        "tab\t.txt",
        "bell\u0007",
        "del\u007f",
        "c1\u0085.txt"
      })
  void refusesNamesThatCannotBeStoredAndStoresNothing(String name) throws IOException {
    Answer answer =
        http.send(
            new Multipart().file("ok", "fine.txt", "fine").file("bad", name, "bad").post(upload()));
    assertJsonError(answer, 400, "file");
    assertEquals(Set.of(), names(), "nothing of a refused upload is stored");
  }

  @Test
  void refusesATooLongName() throws IOException {
    Answer answer = http.send(new Multipart().file("f", "x".repeat(256), "x").post(upload()));
    assertJsonError(answer, 400, "longer than 255 bytes");
    assertEquals(Set.of(), names());
  }

  @Test
  void aTooLargeUploadIs413AndLeavesNothingBehind() throws IOException {
    Files.createDirectories(uploads);
    Files.writeString(uploads.resolve("big.bin"), "the old one");
    byte[] big = new byte[LIMIT + 1];
    Answer answer =
        http.send(
            new Multipart()
                .file("a", "small.txt", "fits")
                .file("b", "big.bin", big)
                .post(uploadReplacing()));
    assertJsonError(answer, 413, "larger than " + LIMIT + " bytes");
    assertEquals(Set.of("big.bin"), names(), "no new file, no temporary file");
    assertEquals("the old one", Files.readString(uploads.resolve("big.bin")));
  }

  @Test
  void theLimitCountsTheWholeBody() throws IOException {
    // Two files that each fit but together do not.
    byte[] half = new byte[LIMIT / 2 + 10];
    Answer answer =
        http.send(
            new Multipart().file("a", "one.bin", half).file("b", "two.bin", half).post(upload()));
    assertJsonError(answer, 413, "larger than");
    assertEquals(Set.of(), names());
  }

  @Test
  void aBodyCutShortIs400AndStoresNothing() throws IOException {
    byte[] cut =
        new Multipart().file("a", "whole.txt", "whole").file("b", "cut.txt", "cu").unterminated();
    Answer answer = http.send(Multipart.post(upload(), Multipart.contentType(), cut));
    assertJsonError(answer, 400, "before its closing boundary");
    assertEquals(Set.of(), names());
  }

  @Test
  void anUploadWithoutFilesIs400() {
    assertJsonError(
        http.send(new Multipart().field("just", "a field").post(upload())), 400, "no file");
  }

  @Test
  void aBodyThatIsNotMultipartIs415OrWithoutBoundary400() {
    assertJsonError(
        http.send(
            Multipart.post(upload(), "application/json", "{}".getBytes(StandardCharsets.UTF_8))),
        415,
        "Unsupported Media Type");
    assertJsonError(
        http.send(
            Multipart.post(
                upload(), "multipart/form-data", new Multipart().file("f", "a", "b").bytes())),
        400,
        "boundary");
  }

  @Test
  void aFolderOfTheSameNameIsNotReplaced() throws IOException {
    Files.createDirectories(uploads.resolve("taken"));
    assertJsonError(
        http.send(new Multipart().file("f", "taken", "x").post(upload())), 400, "folder");
    assertTrue(Files.isDirectory(uploads.resolve("taken")));
  }

  @Test
  void getUploadIsNotTheUploadResource() {
    // No content folder here: GET /upload is a content path, and there is none.
    assertJsonError(http.get(upload()), 404, "No resource at /upload");
  }

  private static Set<String> names() throws IOException {
    if (!Files.isDirectory(uploads)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(uploads)) {
      return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}
