package io.sessionlauncher.engine.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Child programs as {@code /bin/sh -c} scripts, built step by step:
 *
 * <pre>{@code
 * Scripts.sh().recordPid(pids).say("booting").pause(Duration.ofMillis(300))
 *     .say("Starting factory").stayAlive().argv();
 * }</pre>
 *
 * Steps run one after the other; nothing lives longer than {@link #LIFETIME_SECONDS}, so even a
 * leaked child goes away by itself. {@link #argv()} is for starting the script directly, {@link
 * #template()} for a {@code cmd} of launcher.json (every {@code $} doubled, so the launcher's
 * template expansion gives the script back unchanged).
 */
public final class Scripts {
  /** Upper bound on how long any sleeping step of a script lasts. */
  public static final int LIFETIME_SECONDS = 120;

  private final List<String> steps = new ArrayList<>();

  private Scripts() {}

  /** An empty script. */
  public static Scripts sh() {
    return new Scripts();
  }

  /** Appends the shell's pid to {@code file}. */
  public Scripts recordPid(Path file) {
    return step("echo $$ >> " + quote(file.toString()));
  }

  /** Prints a line on stdout, in one write. */
  public Scripts say(String line) {
    return step("printf '%s\\n' " + quote(line));
  }

  /** Prints text without a line end, in one write (as {@code os.write(1, ...)} does). */
  public Scripts sayWithoutNewline(String text) {
    return step("printf '%s' " + quote(text));
  }

  /** Prints on stderr. */
  public Scripts sayOnStderr(String line) {
    return step("printf '%s\\n' " + quote(line) + " >&2");
  }

  /** Waits, as part of the script's behaviour (not of a test). */
  public Scripts pause(Duration duration) {
    return step(String.format(Locale.ROOT, "sleep %.3f", duration.toMillis() / 1000.0));
  }

  /** From here on, SIGTERM is ignored by the shell and inherited by its children. */
  public Scripts ignoreTerm() {
    return step("trap '' TERM");
  }

  /** Starts {@code count} background sleepers (grandchildren), appending their pids to the file. */
  public Scripts forkSleepers(int count, Path pidFile) {
    for (int i = 0; i < count; i++) {
      step("sleep " + LIFETIME_SECONDS + " &");
      step("echo $! >> " + quote(pidFile.toString()));
    }
    return this;
  }

  /**
   * Starts a sleeper in a session of its own ({@code setsid}): neither in the script's process
   * group nor, once the script has ended, among its descendants. It appends its pid to the file.
   */
  public Scripts detachSleeper(Path pidFile) {
    return step("setsid /bin/sh -c " + quote(sleeperRecording(pidFile)) + " &");
  }

  /**
   * Starts a daemon as a daemon starts itself: {@code setsid}, then a fork whose parent exits at
   * once, so the sleeper is re-parented away from the script at once. It appends its pid to the
   * file.
   */
  public Scripts daemonizeSleeper(Path pidFile) {
    String daemon = "/bin/sh -c " + quote(sleeperRecording(pidFile)) + " & exit 0";
    return step("setsid /bin/sh -c " + quote(daemon) + " &");
  }

  private static String sleeperRecording(Path pidFile) {
    return "echo $$ >> " + quote(pidFile.toString()) + "; exec sleep " + LIFETIME_SECONDS;
  }

  /** Exits with that code. */
  public Scripts exit(int code) {
    return step("exit " + code);
  }

  /** Prints the value of an environment variable. */
  public Scripts sayEnv(String name) {
    return step("printf '%s\\n' \"$" + name + "\"");
  }

  /** Keeps running (the shell becomes a sleep of the same pid) until stopped. */
  public Scripts stayAlive() {
    return step("exec sleep " + LIFETIME_SECONDS);
  }

  /** Keeps running, as a shell waiting for its background children, until stopped. */
  public Scripts waitForChildren() {
    return step("wait");
  }

  /** Any other shell step. */
  public Scripts step(String line) {
    steps.add(line);
    return this;
  }

  /** The script's text. */
  public String text() {
    return String.join("\n", steps);
  }

  /** {@code /bin/sh -c <script>}, to start directly. */
  public List<String> argv() {
    return List.of("/bin/sh", "-c", text());
  }

  /** {@link #argv()} as a launcher.json {@code cmd}: template expansion yields the script again. */
  public List<String> template() {
    return io.sessionlauncher.testing.LauncherJson.literal(argv());
  }

  /** The text as one single-quoted shell word. */
  public static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
