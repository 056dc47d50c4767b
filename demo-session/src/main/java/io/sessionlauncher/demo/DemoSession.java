package io.sessionlauncher.demo;

/**
 * Entry point of the demo session app, which the launcher starts as one child process per user.
 *
 * <p>Exit codes: 0 after {@code --help}, 1 on an unexpected start-up failure, 2 for a bad command
 * line, 3 when the address cannot be bound (usually: the port is taken). SIGTERM stops the server
 * and ends the JVM with the usual 143.
 */
public final class DemoSession {
  /** Exit code for an unknown or malformed command line. */
  public static final int EXIT_USAGE = 2;

  /** Exit code when the host and port cannot be bound, usually because the port is taken. */
  public static final int EXIT_CANNOT_LISTEN = 3;

  private static final int EXIT_FAILURE = 1;
  private static final String PROGRAM = "demo-session";

  private DemoSession() {}

  /**
   * Starts the session server and prints the ready line once it accepts connections.
   *
   * @param args see {@link SessionOptions#USAGE}
   */
  public static void main(String[] args) {
    QuietLogging.apply();
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(SessionOptions.USAGE);
      return;
    }
    SessionOptions options;
    try {
      options = SessionOptions.parse(args);
    } catch (UsageException e) {
      exit(
          EXIT_USAGE,
          PROGRAM + ": " + e.getMessage() + System.lineSeparator() + SessionOptions.USAGE);
      return;
    }
    SessionServer server;
    try {
      server = SessionServer.start(options);
    } catch (ListenException e) {
      exit(EXIT_CANNOT_LISTEN, PROGRAM + ": " + e.getMessage());
      return;
    } catch (RuntimeException e) {
      System.err.println(PROGRAM + ": failed to start on " + options.host() + ":" + options.port());
      e.printStackTrace();
      exit(EXIT_FAILURE, null);
      return;
    }
    // Registered only now, so a failed start never runs a stop on a server that is not there.
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, PROGRAM + "-shutdown"));
    announceReady(options);
    // main returns here; Undertow's non-daemon threads keep the JVM serving until SIGTERM.
  }

  private static void announceReady(SessionOptions options) {
    if (options.readyDelayMillis() > 0) {
      try {
        // Deliberately late, so the launcher's tests can see it wait for the ready line.
        Thread.sleep(options.readyDelayMillis());
      } catch (InterruptedException e) {
        // The server is up either way; a launcher waiting for the line should still get it.
        Thread.currentThread().interrupt();
      }
    }
    System.out.println(options.readyLine());
    // The launcher times this line, so it must never sit in a buffer, even if System.out has
    // been replaced by a stream that does not flush on println.
    System.out.flush();
  }

  private static void exit(int code, String message) {
    if (message != null) {
      System.err.println(message);
    }
    System.err.flush();
    System.exit(code);
  }
}
