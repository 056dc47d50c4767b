package io.sessionlauncher.rest.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.LauncherJson;
import io.sessionlauncher.testing.RawHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that try to read outside the {@code content} folder, sent byte for byte over a socket:
 * every one is a 4xx, and none shows a byte of the secret next to the folder.
 */
class ContentTraversalTest {
  private static final String SECRET = "secret-" + UUID.randomUUID();

  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(1, ContentTraversalTest::configure);

  private static LauncherJson configure(LauncherJson json) throws IOException {
    Path folder = json.folder();
    Path content = Files.createDirectories(folder.resolve("site"));
    Files.writeString(content.resolve("index.html"), "<html>home</html>");
    Files.createDirectories(content.resolve("js"));
    Files.writeString(folder.resolve("secret.txt"), SECRET);
    Files.createDirectories(folder.resolve("outside"));
    Files.writeString(folder.resolve("outside/index.html"), SECRET);
    Files.writeString(folder.resolve("outside/secret.txt"), SECRET);
    Files.createSymbolicLink(content.resolve("link-out.txt"), folder.resolve("secret.txt"));
    Files.createSymbolicLink(content.resolve("dir-out"), folder.resolve("outside"));
    Files.createSymbolicLink(content.resolve("dot-dot"), Path.of(".."));
    return json.app("demo", DemoApp.app()).content(content);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../secret.txt",
        "/js/../../secret.txt",
        "/./../secret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2e%2e/secret.txt",
        "/%2e%2e%2fsecret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/.%2e/secret.txt",
        "/js/%2e%2e/%2e%2e/secret.txt",
        "/%252e%252e%252fsecret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/%c0%ae%c0%ae%c0%afsecret.txt",
        "/..%5csecret.txt",
        "/%5c..%5csecret.txt",
        "/..;/secret.txt",
        "/....//secret.txt",
        "//secret.txt",
        "/%2fetc%2fpasswd",
        "//etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/secret.txt%00.html",
        "/link-out.txt",
        "/dir-out/secret.txt",
        "/dir-out/",
        "/dir-out",
        "/dot-dot/secret.txt",
      })
  void neverLeavesTheContentFolder(String target) {
    RawHttp.Answer answer = RawHttp.get(launcher.base(), target);
    assertTrue(
        answer.status() >= 400 && answer.status() < 500,
        target + " answered " + answer.status() + ": " + answer.body());
    assertFalse(answer.body().contains(SECRET), target + " leaked the secret");
    assertFalse(answer.body().contains("root:"), target + " leaked /etc/passwd");
  }

  /**
   * A raw backslash is not legal in a URI: Jersey's Grizzly container fails to build the request
   * URI and answers 500 before any application code runs (Liberty refuses such a request line
   * itself). What matters here is that nothing is served.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/..\\secret.txt", "/js\\..\\..\\secret.txt", "/\\..\\secret.txt"})
  void rawBackslashesReachNoFile(String target) {
    RawHttp.Answer answer = RawHttp.get(launcher.base(), target);
    assertTrue(answer.status() >= 400, target + " answered " + answer.status());
    assertFalse(answer.body().contains(SECRET), target + " leaked the secret");
  }

  @Test
  void anAbsolutePathOfTheSecretIsNotServed() {
    String absolute = launcher.json().folder().resolve("secret.txt").toAbsolutePath().toString();
    for (String target :
        new String[] {"/" + absolute.replace("/", "%2f"), "/" + absolute, "/." + absolute}) {
      RawHttp.Answer answer = RawHttp.get(launcher.base(), target);
      assertTrue(answer.status() >= 400 && answer.status() < 500, target + ": " + answer.status());
      assertFalse(answer.body().contains(SECRET), target + " leaked the secret");
    }
  }

  @Test
  void theFolderItselfIsStillServed() {
    RawHttp.Answer answer = RawHttp.get(launcher.base(), "/index.html");
    assertTrue(answer.status() == 200, answer.body());
    assertTrue(answer.body().contains("home"));
  }
}
