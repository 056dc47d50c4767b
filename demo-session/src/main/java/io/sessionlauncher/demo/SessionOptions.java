package io.sessionlauncher.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The command line of the demo session, parsed and validated.
 *
 * @param port TCP port to listen on, 1 to 65535
 * @param host address to bind
 * @param secret value that WebSocket clients must present as query parameter {@code secret}, or
 *     empty when any client may connect
 * @param readyLine line printed on stdout once the server accepts connections
 * @param readyDelayMillis how long to wait after listening before printing the ready line
 */
public record SessionOptions(
    int port, String host, Optional<String> secret, String readyLine, long readyDelayMillis) {

  /** Host bound when {@code --host} is not given: loopback only, since the launcher is local. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Ready line printed when {@code --ready-line} is not given. */
  public static final String DEFAULT_READY_LINE = "Starting factory";

  /** How to call the program, printed with every command line error. */
  public static final String USAGE =
      String.join(
          System.lineSeparator(),
          "Usage: java -jar demo-session.jar --port N [--host H] [--secret S | --secret-env VAR]"
              + " [--ready-line TEXT] [--ready-delay-ms N]",
          "  --port N            TCP port to listen on, 1-65535 (required)",
          "  --host H            address to bind (default " + DEFAULT_HOST + ")",
          "  --secret S          WebSocket clients must send ?secret=S (default: no check)",
          "  --secret-env VAR    the same, S read from the environment variable VAR, so that it",
          "                      stays out of the command line every local user can read",
          "  --ready-line TEXT   line printed on stdout once listening (default \""
              + DEFAULT_READY_LINE
              + "\")",
          "  --ready-delay-ms N  wait N ms after listening before printing it (default 0)");

  private static final String PORT = "--port";
  private static final String HOST = "--host";
  private static final String SECRET = "--secret";
  private static final String SECRET_ENV = "--secret-env";
  private static final String READY_LINE = "--ready-line";
  private static final String READY_DELAY = "--ready-delay-ms";

  /** Validates the components so that a bad value cannot reach the server. */
  public SessionOptions {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    requireText(host, "host");
    requireText(readyLine, "readyLine");
    Objects.requireNonNull(secret, "secret").ifPresent(value -> requireText(value, "secret"));
    if (readyDelayMillis < 0) {
      throw new IllegalArgumentException("readyDelayMillis is negative: " + readyDelayMillis);
    }
  }

  /**
   * Parses {@code --name value} pairs.
   *
   * @param args the program arguments
   * @return the options, with defaults filled in
   * @throws UsageException if an option is unknown, repeated, lacks its value or has a bad value,
   *     or if {@code --port} is missing
   */
  public static SessionOptions parse(String... args) throws UsageException {
    return parse(System.getenv(), args);
  }

  /**
   * Parses {@code --name value} pairs, reading {@code --secret-env}'s variable from {@code env}.
   *
   * @throws UsageException as {@link #parse(String...)}, and when both {@code --secret} and {@code
   *     --secret-env} are given or the variable is not set
   */
  public static SessionOptions parse(Map<String, String> env, String... args)
      throws UsageException {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (!isKnown(name)) {
        throw new UsageException("unknown argument: " + name);
      }
      if (i + 1 >= args.length) {
        throw new UsageException("missing value for " + name);
      }
      // A repeated option is more likely a launcher bug than an intended override.
      if (values.putIfAbsent(name, args[i + 1]) != null) {
        throw new UsageException("repeated argument: " + name);
      }
    }
    if (!values.containsKey(PORT)) {
      throw new UsageException("missing required argument " + PORT);
    }
    int port = (int) parseNumber(values.get(PORT), PORT, 1, 65535);
    String host = text(values.getOrDefault(HOST, DEFAULT_HOST), HOST);
    if (values.containsKey(SECRET) && values.containsKey(SECRET_ENV)) {
      throw new UsageException("give " + SECRET + " or " + SECRET_ENV + ", not both");
    }
    Optional<String> secret =
        values.containsKey(SECRET)
            ? Optional.of(text(values.get(SECRET), SECRET))
            : Optional.empty();
    if (values.containsKey(SECRET_ENV)) {
      String variable = text(values.get(SECRET_ENV), SECRET_ENV);
      String value = env.get(variable);
      if (value == null || value.isBlank()) {
        throw new UsageException(
            "the environment variable " + variable + " named by " + SECRET_ENV + " is not set");
      }
      secret = Optional.of(value);
    }
    String readyLine = text(values.getOrDefault(READY_LINE, DEFAULT_READY_LINE), READY_LINE);
    long readyDelay = parseNumber(values.getOrDefault(READY_DELAY, "0"), READY_DELAY, 0, 3_600_000);
    return new SessionOptions(port, host, secret, readyLine, readyDelay);
  }

  /** Keeps the secret out of logs and error messages that print the options. */
  @Override
  public String toString() {
    return "SessionOptions[port=%d, host=%s, secret=%s, readyLine=%s, readyDelayMillis=%d]"
        .formatted(
            port, host, secret.isPresent() ? "<set>" : "<none>", readyLine, readyDelayMillis);
  }

  private static boolean isKnown(String name) {
    return switch (name) {
      case PORT, HOST, SECRET, SECRET_ENV, READY_LINE, READY_DELAY -> true;
      default -> false;
    };
  }

  private static long parseNumber(String value, String name, long min, long max)
      throws UsageException {
    long number;
    try {
      number = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " expects a number, got \"" + value + "\"");
    }
    if (number < min || number > max) {
      throw new UsageException(name + " must be between " + min + " and " + max + ": " + value);
    }
    return number;
  }

  private static String text(String value, String name) throws UsageException {
    if (value.isBlank()) {
      throw new UsageException(name + " must not be blank");
    }
    return value;
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
