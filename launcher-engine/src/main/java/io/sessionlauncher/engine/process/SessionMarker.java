package io.sessionlauncher.engine.process;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The variable every process of a session carries in its environment, {@code
 * SESSION_LAUNCHER_SESSION=<value>}, inherited by whatever it starts. A process that leaves the
 * session's tree and group ({@code setsid}, a double fork, a daemon) still carries it, so the
 * {@code /proc} scan finds it by reading {@code /proc/<pid>/environ}.
 */
public final class SessionMarker {
  /** The name of the variable. */
  public static final String VARIABLE = "SESSION_LAUNCHER_SESSION";

  /** Letters, digits, dash and underscore: a value that can never reach into another entry. */
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{8,128}");

  private final String value;
  private final byte[] entry;

  private SessionMarker(String value) {
    this.value = value;
    this.entry = (VARIABLE + "=" + value + "\0").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The marker with that value, unique to one launch (a session's id).
   *
   * @throws IllegalArgumentException for a value that is not 8 to 128 letters, digits, dashes or
   *     underscores
   */
  public static SessionMarker of(String value) {
    Objects.requireNonNull(value, "value");
    if (!VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException("Not a session marker: '" + value + "'");
    }
    return new SessionMarker(value);
  }

  /** The value of the variable. */
  public String value() {
    return value;
  }

  /**
   * Whether an environment block as the kernel gives it ({@code NAME=value\0} entries) holds this
   * marker as a whole entry.
   */
  boolean isIn(byte[] environ, int length) {
    int last = length - entry.length;
    for (int at = 0; at <= last; at++) {
      if ((at == 0 || environ[at - 1] == 0) && matchesAt(environ, at)) {
        return true;
      }
    }
    return false;
  }

  private boolean matchesAt(byte[] environ, int at) {
    for (int i = 0; i < entry.length; i++) {
      if (environ[at + i] != entry[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SessionMarker marker && marker.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return VARIABLE + "=" + value;
  }
}
