package io.sessionlauncher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionOptionsTest {

  @Test
  void fillsInDefaultsWhenOnlyThePortIsGiven() throws UsageException {
    SessionOptions options = SessionOptions.parse("--port", "9001");

    assertEquals(
        new SessionOptions(9001, "127.0.0.1", Optional.empty(), "Starting factory", 0), options);
  }

  @Test
  void readsEveryOptionInAnyOrder() throws UsageException {
    SessionOptions options =
        SessionOptions.parse(
            "--ready-delay-ms", "500",
            "--secret", "s3cret",
            "--host", "0.0.0.0",
            "--ready-line", "Ready to go",
            "--port", "65535");

    assertEquals(
        new SessionOptions(65535, "0.0.0.0", Optional.of("s3cret"), "Ready to go", 500), options);
  }

  static java.util.stream.Stream<Arguments> malformed() {
    return java.util.stream.Stream.of(
        Arguments.of("missing required argument --port", new String[] {}),
        Arguments.of("missing required argument --port", new String[] {"--host", "h"}),
        Arguments.of("missing value for --port", new String[] {"--port"}),
        Arguments.of("unknown argument: 9001", new String[] {"9001"}),
        Arguments.of("unknown argument: --verbose", new String[] {"--port", "1", "--verbose"}),
        Arguments.of("unknown argument: --port=9001", new String[] {"--port=9001"}),
        Arguments.of("repeated argument: --port", new String[] {"--port", "1", "--port", "2"}),
        Arguments.of("--port expects a number, got \"x\"", new String[] {"--port", "x"}),
        Arguments.of("--port must be between 1 and 65535: 0", new String[] {"--port", "0"}),
        Arguments.of("--port must be between 1 and 65535: 65536", new String[] {"--port", "65536"}),
        Arguments.of(
            "--ready-delay-ms must be between 0 and 3600000: -1",
            new String[] {"--port", "1", "--ready-delay-ms", "-1"}),
        Arguments.of("--secret must not be blank", new String[] {"--port", "1", "--secret", " "}),
        Arguments.of("--host must not be blank", new String[] {"--port", "1", "--host", ""}),
        Arguments.of(
            "--ready-line must not be blank", new String[] {"--port", "1", "--ready-line", ""}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void rejectsMalformedCommandLines(String expectedMessage, String[] args) {
    UsageException e = assertThrows(UsageException.class, () -> SessionOptions.parse(args));

    assertEquals(expectedMessage, e.getMessage());
  }

  @Test
  void toStringDoesNotRevealTheSecret() throws UsageException {
    String text = SessionOptions.parse("--port", "1", "--secret", "hunter2").toString();

    assertFalse(text.contains("hunter2"), text);
    assertTrue(text.contains("port=1"), text);
  }

  @Test
  void theSecretMayComeFromTheEnvironmentNamedOnTheCommandLine() throws UsageException {
    SessionOptions options =
        SessionOptions.parse(
            java.util.Map.of("SESSION_SECRET", "hunter2"),
            "--port",
            "1",
            "--secret-env",
            "SESSION_SECRET");

    assertEquals(java.util.Optional.of("hunter2"), options.secret());
  }

  @Test
  void aSecretVariableThatIsNotSetOrASecretGivenTwiceIsAUsageError() {
    UsageException unset =
        assertThrows(
            UsageException.class,
            () ->
                SessionOptions.parse(
                    java.util.Map.of(), "--port", "1", "--secret-env", "SESSION_SECRET"));
    assertTrue(unset.getMessage().contains("SESSION_SECRET"), unset.getMessage());
    UsageException both =
        assertThrows(
            UsageException.class,
            () ->
                SessionOptions.parse(
                    java.util.Map.of("S", "x"),
                    "--port",
                    "1",
                    "--secret",
                    "y",
                    "--secret-env",
                    "S"));
    assertTrue(both.getMessage().contains("not both"), both.getMessage());
  }
}
