package io.sessionlauncher.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A demo session running as a real child JVM, the way the launcher runs it.
 *
 * <p>Both output streams are drained by background threads, so the child can never block on a full
 * pipe, and every wait is bounded by a timeout.
 */
final class ChildSession {
  /** Generous, because a loaded two-core build machine can take seconds to start a JVM. */
  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(15);
  // Sentinel queued once stdout ends, so a reader waiting for a line learns the child is gone.
  private static final String END_OF_STREAM = new String("<end of stdout>");

  private static final Pattern JDK_UNSAFE_NOTICE =
      Pattern.compile(
          "WARNING: (A terminally deprecated method in sun\\.misc\\.Unsafe"
              + "|sun\\.misc\\.Unsafe::"
              + "|Please consider reporting this to the maintainers of class )");

  private final Process process;
  private final BlockingQueue<String> stdoutLines = new LinkedBlockingQueue<>();

  @SuppressWarnings("JdkObsolete") // appended by the stderr pump, read by the test's thread
  private final StringBuffer stderr = new StringBuffer();

  private final Thread stdoutPump;
  private final Thread stderrPump;

  private ChildSession(List<String> command) throws IOException {
    process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    stdoutPump = pump("stdout", process.getInputStream(), this::readLines);
    stderrPump = pump("stderr", process.getErrorStream(), this::readAll);
  }

  /** Runs {@code DemoSession} from this test's own class path. */
  static ChildSession fromClassPath(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DemoSession.class.getName());
    command.addAll(List.of(args));
    return new ChildSession(command);
  }

  /** Runs the packaged jar with {@code java -jar}, as the launcher does. */
  static ChildSession fromJar(Path jar, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    return new ChildSession(command);
  }

  /** A loopback port that was free a moment ago; good enough on a test machine. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  Process process() {
    return process;
  }

  /**
   * Waits for the next line on stdout.
   *
   * @return the line, or empty if the timeout passed or stdout ended first
   */
  @SuppressWarnings("ReferenceEquality") // END_OF_STREAM is told from lines by identity
  Optional<String> nextLine(Duration timeout) throws InterruptedException {
    String line = stdoutLines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (line == END_OF_STREAM) {
      // Leave it for later callers, who must also learn that nothing more will come.
      stdoutLines.add(END_OF_STREAM);
      return Optional.empty();
    }
    return Optional.ofNullable(line);
  }

  /** Whether a line is already waiting on stdout, without waiting for one. */
  @SuppressWarnings("ReferenceEquality") // END_OF_STREAM is told from lines by identity
  boolean hasLine() {
    String line = stdoutLines.peek();
    return line != null && line != END_OF_STREAM;
  }

  /**
   * Waits for the child to exit on its own.
   *
   * @return the exit code
   * @throws AssertionError if it is still running after the timeout
   */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("child still running after " + timeout + "; stderr: " + stderr);
    }
    // After exit the pipes close, so the pumps finish promptly and the captured text is complete.
    stdoutPump.join(EXIT_TIMEOUT.toMillis());
    stderrPump.join(EXIT_TIMEOUT.toMillis());
    return process.exitValue();
  }

  /** What the child wrote to stderr so far; complete once {@link #awaitExit} returned. */
  String stderr() {
    return stderr.toString();
  }

  /**
   * Stderr without the JVM's own sun.misc.Unsafe notices, which JDK 24 and later print when
   * jboss-threads starts; they come from the JDK, not from anything the app logs.
   */
  String stderrWithoutJdkUnsafeNotices() {
    return stderr()
        .lines()
        .filter(line -> !JDK_UNSAFE_NOTICE.matcher(line).lookingAt())
        .collect(Collectors.joining("\n"));
  }

  /** Sends SIGTERM and waits; kills the child outright if it ignores that. */
  void stop() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private static String javaExecutable() {
    // The same JDK that runs the tests, so a JDK 25 build also tests the app on JDK 25.
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private interface StreamReader {
    void read(Reader reader) throws IOException;
  }

  private static Thread pump(String name, InputStream stream, StreamReader target) {
    Thread thread =
        new Thread(
            () -> {
              try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                target.read(reader);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "child-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private void readLines(Reader reader) throws IOException {
    try {
      BufferedReader lines = new BufferedReader(reader);
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        stdoutLines.add(line);
      }
    } finally {
      stdoutLines.add(END_OF_STREAM);
    }
  }

  private void readAll(Reader reader) throws IOException {
    char[] buffer = new char[4096];
    for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
      stderr.append(buffer, 0, n);
    }
  }
}
