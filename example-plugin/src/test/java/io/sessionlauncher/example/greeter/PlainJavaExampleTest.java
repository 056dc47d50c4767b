package io.sessionlauncher.example.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.plugin.ProductInstance;
import io.sessionlauncher.engine.plugin.ProductLaunchers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java example of {@code docs/plugins.md} and the README, compiled and run by the build;
 * a second test checks that both documents show exactly this code.
 */
class PlainJavaExampleTest {
  private static final String START = "// docs/plugins.md example: start";
  private static final String END = "// docs/plugins.md example: end";

  static String greetFromPlainJava() throws Exception {
    // docs/plugins.md example: start
    ProductLaunchers launchers = ProductLaunchers.fromClassPath();
    try (ProductInstance greeter =
        launchers.launch("greeter", "local", Map.of("greeting", "Hello, plugin"))) {
      greeter.awaitAnswer(Duration.ofSeconds(10)); // polls check() until it answers, or throws
      String address = greeter.urls().get("main"); // "127.0.0.1:<a free port>"
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://" + address + "/")).build(),
                  HttpResponse.BodyHandlers.ofString());
      return answer.body(); // "Hello, plugin"
    } // stopped here, or when the JVM exits at the latest
    // docs/plugins.md example: end
  }

  @Test
  void exampleGreets() throws Exception {
    assertEquals("Hello, plugin", greetFromPlainJava());
  }

  @Test
  void theDocumentShowsThisExample() throws Exception {
    Path source =
        Path.of("src/test/java", getClass().getName().replace('.', '/') + ".java").toAbsolutePath();
    List<String> code = dedent(between(Files.readAllLines(source, StandardCharsets.UTF_8)));
    for (Path document : List.of(Path.of("..", "docs", "plugins.md"), Path.of("..", "README.md"))) {
      String text = Files.readString(document.toAbsolutePath().normalize(), StandardCharsets.UTF_8);
      assertTrue(
          text.contains("```java\n" + String.join("\n", code) + "\n```"),
          document + " should show, in a java block, the example of " + source + ":\n" + code);
    }
  }

  private static List<String> between(List<String> lines) {
    List<String> inside = new ArrayList<>();
    boolean in = false;
    for (String line : lines) {
      if (line.trim().equals(END)) {
        return inside;
      }
      if (in) {
        inside.add(line);
      }
      in |= line.trim().equals(START);
    }
    throw new AssertionError("no example markers in the test source");
  }

  private static List<String> dedent(List<String> lines) {
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    List<String> result = new ArrayList<>();
    for (String line : lines) {
      result.add(line.isBlank() ? "" : line.substring(indent));
    }
    return result;
  }
}
