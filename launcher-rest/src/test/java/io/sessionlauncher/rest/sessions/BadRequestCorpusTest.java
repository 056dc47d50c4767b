package io.sessionlauncher.rest.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import jakarta.json.Json;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and broken requests. Broken ones get the right 4xx and start nothing; hostile values
 * reach the program as one literal argument (no shell ever sees them), or are replaced by their
 * sanitize rule's default; request keys cannot replace properties or generated variables.
 */
class BadRequestCorpusTest {
  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(
          2,
          json ->
              json.set(
                      "configuration.sanitize",
                      Map.of(
                          "safe",
                          Map.of("type", "regexp", "regexp", "[a-z]+", "default", "fallback")))
                  // Prints every argument between brackets, then the ready line; "$@" is no
                  // template.
                  .app(
                      "args",
                      List.of(
                          "/bin/sh",
                          "-c",
                          "printf '[%s]\\n' \"$@\"; echo READY; exec sleep 600",
                          "sh",
                          "${safe}",
                          "${free}",
                          "${java}",
                          "${port}"),
                      "READY"));

  private final Http http = new Http();

  @AfterEach
  void nothingLeft() throws Exception {
    launcher.stopAllSessions();
    assertEquals(launcher.pool().size(), launcher.pool().available(), "every port is free");
    assertEquals("", Files.readString(launcher.json().proxyFile()), "no proxy line");
  }

  static Stream<Arguments> brokenBodies() {
    return Stream.of(
        Arguments.of("{\"application\": ", 400, "not valid JSON"),
        Arguments.of("{'application': 'args'}", 400, "not valid JSON"),
        Arguments.of("[{\"application\": \"args\"}]", 400, "must be a JSON object"),
        Arguments.of("\"args\"", 400, "must be a JSON object"),
        Arguments.of("null", 400, "must be a JSON object"),
        Arguments.of("", 400, "empty"),
        Arguments.of("{}", 400, "The request is not complete"),
        Arguments.of("{\"application\": null}", 400, "The request is not complete"),
        Arguments.of("{\"application\": [\"args\"]}", 400, "'application'"),
        Arguments.of("{\"application\": \"nope\"}", 400, "Unknown application: nope"),
        Arguments.of("{\"application\": \"../args\"}", 400, "Unknown application"),
        Arguments.of("{\"application\": \"args\", \"safe\": 12}", 400, "'safe' must be a string"),
        Arguments.of(
            "{\"application\": \"args\", \"safe\": [\"a\"]}", 400, "'safe' must be a string"),
        Arguments.of("{\"application\": \"args\", \"free\": {\"a\": 1}}", 400, "'free'"),
        Arguments.of("{\"application\": \"args\", \"free\": \"a\\u0000b\"}", 400, "NUL"),
        Arguments.of("{\"application\": \"args\"}", 400, "'free'"),
        Arguments.of(
            "{\"application\": \"args\", \"free\": \"" + "x".repeat(70_000) + "\"}",
            413,
            "larger than"),
        Arguments.of(
            "{\"application\": \"args\", \"free\": \"x\", \"deep\": "
                + "[".repeat(20)
                + "]".repeat(20)
                + "}",
            400,
            "nested deeper than 8 levels"),
        Arguments.of(
            "{\"application\": \"args\", \"free\": \"x\", \"many\": ["
                + String.join(",", java.util.Collections.nCopies(21_000, "{}"))
                + "]}",
            400,
            "more than 1000 values"),
        Arguments.of("[".repeat(60_000), 400, "nested deeper than 8 levels"));
  }

  @Test
  void aRequestAtTheLimitsIsAccepted() throws Exception {
    String nested = "[".repeat(7) + "]".repeat(7);
    // 1,000 values: the object, application, free, seven arrays, one array of 989 numbers.
    String many = String.join(",", java.util.Collections.nCopies(989, "1"));
    Answer answer =
        http.post(
            launcher.uri("/paraview/"),
            "{\"application\": \"args\", \"free\": \"x\", \"deep\": "
                + nested
                + ", \"many\": ["
                + many
                + "]}");
    assertEquals(200, answer.status(), answer.body());
  }

  @ParameterizedTest
  @MethodSource("brokenBodies")
  void brokenRequestsAreRefusedAndStartNothing(String body, int status, String message) {
    Answer answer = http.post(launcher.uri("/paraview/"), body);
    assertEquals(status, answer.status(), answer.body());
    assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
    String error = answer.json().getString("error");
    assertTrue(error.contains(message), error + " should contain " + message);
    assertTrue(launcher.sessions().list().isEmpty(), "nothing launched");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a; rm -rf /",
        "$(id)",
        "`id`",
        "../../etc/passwd",
        "line\nbreak",
        "${java}",
        "$port",
        "quote\"and'apostrophe",
        "x&&y||z|w>out<in"
      })
  void hostileValuesAreOneLiteralArgumentOrTheirRuleDefault(String value) throws Exception {
    String body =
        Json.createObjectBuilder()
            .add("application", "args")
            .add("safe", value)
            .add("free", value)
            .build()
            .toString();
    Answer answer = http.post(launcher.uri("/paraview/"), body);
    assertEquals(200, answer.status(), answer.body());
    String log = log(answer.json().getString("id"));
    assertTrue(log.startsWith("[fallback]\n"), "the sanitize rule's default: " + log);
    assertTrue(
        log.contains("\n[" + value + "]\n"), "the value, literally, as one argument: " + log);
  }

  @Test
  void requestKeysCannotReplacePropertiesOrGeneratedVariables() throws Exception {
    String body =
        "{\"application\": \"args\", \"safe\": \"ok\", \"free\": \"x\","
            + " \"java\": \"/bin/echo\", \"port\": \"1\", \"id\": \"mine\", \"host\": \"evil\"}";
    Answer answer = http.post(launcher.uri("/paraview/"), body);
    assertEquals(200, answer.status(), answer.body());
    int port = answer.json().getInt("port");
    String log = log(answer.json().getString("id"));
    assertEquals("[ok]\n[x]\n[" + DemoApp.java() + "]\n[" + port + "]\nREADY\n", log, log);
    assertTrue(!answer.json().getString("id").equals("mine"));
    assertEquals("127.0.0.1", answer.json().getString("host"));
  }

  private static String log(String id) throws Exception {
    return Files.readString(launcher.json().logDir().resolve(id + ".txt"));
  }
}
