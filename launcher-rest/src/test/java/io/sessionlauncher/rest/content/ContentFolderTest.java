package io.sessionlauncher.rest.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionlauncher.rest.content.ContentFolder.Kind;
import io.sessionlauncher.rest.content.ContentFolder.Lookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lookups in the content folder, without HTTP: what is found, and what never is. */
class ContentFolderTest {
  @TempDir Path folder;
  private Path root;
  private ContentFolder content;

  @BeforeEach
  void files() throws IOException {
    root = Files.createDirectories(folder.resolve("site"));
    Files.writeString(root.resolve("index.html"), "home");
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/index.html"), "docs");
    Files.createDirectories(root.resolve("bare"));
    Files.writeString(root.resolve("bare/a.txt"), "a");
    Files.writeString(root.resolve("é.txt"), "accent");
    Files.writeString(folder.resolve("secret.txt"), "secret");
    Files.createDirectories(folder.resolve("outside"));
    Files.writeString(folder.resolve("outside/index.html"), "outside");
    Files.createSymbolicLink(root.resolve("out.txt"), folder.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("out-dir"), folder.resolve("outside"));
    Files.createSymbolicLink(root.resolve("in.txt"), Path.of("bare/a.txt"));
    Files.createSymbolicLink(root.resolve("docs-out-index"), folder.resolve("outside/index.html"));
    Files.createDirectories(root.resolve("leaky"));
    Files.createSymbolicLink(
        root.resolve("leaky/index.html"), folder.resolve("outside/index.html"));
    content = new ContentFolder(root);
  }

  @Test
  void findsFilesByTheirEncodedPath() throws IOException {
    Lookup found = content.find("bare/a.txt");
    assertEquals(Kind.FILE, found.kind());
    assertEquals(root.resolve("bare/a.txt").toRealPath(), found.file());
    assertEquals("a.txt", found.name());
    assertEquals(Kind.FILE, content.find("%C3%A9.txt").kind());
  }

  @Test
  void aLinkInsideTheFolderIsFollowedAndKeepsItsOwnName() throws IOException {
    Lookup found = content.find("in.txt");
    assertEquals(Kind.FILE, found.kind());
    assertEquals(root.resolve("bare/a.txt").toRealPath(), found.file());
    assertEquals("in.txt", found.name());
  }

  @Test
  void aFolderWithAnIndexPointsToIt() {
    assertEquals(new Lookup(Kind.FOLDER, null, null, "docs/index.html"), content.find("docs"));
    assertEquals(new Lookup(Kind.FOLDER, null, null, "docs/index.html"), content.find("docs/"));
    assertEquals(new Lookup(Kind.FOLDER, null, null, "index.html"), content.find("/"));
  }

  @Test
  void aFolderWithoutAnIndexOrWithAnIndexOutsideIsNothing() {
    assertEquals(Kind.MISSING, content.find("bare").kind());
    assertEquals(Kind.MISSING, content.find("bare/").kind());
    assertEquals(Kind.MISSING, content.find("leaky/").kind());
  }

  @Test
  void aMissingContentFolderHasNothing() {
    assertEquals(Kind.MISSING, new ContentFolder(folder.resolve("nope")).find("index.html").kind());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../secret.txt",
        "..%2fsecret.txt",
        "%2e%2e/secret.txt",
        "%2e%2e%2fsecret.txt",
        "docs/../../secret.txt",
        "./index.html",
        "docs//index.html",
        "..%5csecret.txt",
        "%5c..%5csecret.txt",
        "..\\secret.txt",
        "%2f" + "etc%2fpasswd",
        "%00index.html",
        "index.html%00",
        "%0aindex.html",
        "%c0%ae%c0%ae/secret.txt",
        "%zz",
        "%e9.txt",
        "out.txt",
        "out-dir/index.html",
        "out-dir/",
        "docs-out-index",
        "index.html/",
        "nope.html",
      })
  void refusesWhatIsNotAPlainFileInside(String rawPath) {
    assertEquals(Kind.MISSING, content.find(rawPath).kind(), rawPath);
  }

  @Test
  void refusesTheAbsolutePathOfAFileInside() {
    String absolute = root.resolve("index.html").toAbsolutePath().toString();
    assertEquals(Kind.MISSING, content.find(absolute.replace("/", "%2f")).kind());
    assertEquals(Kind.MISSING, content.find(absolute).kind());
  }
}
