package io.sessionlauncher.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A configuration file is missing, unreadable or holds a value of the wrong kind. The message names
 * the file, the key (as a dotted path such as {@code configuration.timeout}) and what was expected,
 * so an operator can fix it without reading a stack trace.
 */
public class ConfigurationException extends LauncherException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String key;

  /**
   * @param file the configuration file, or {@code null} when the configuration came from memory
   * @param key dotted path of the offending key, or an empty string for the whole file
   * @param problem what was expected, and what was found
   */
  public ConfigurationException(Path file, String key, String problem) {
    super(format(file, key, problem));
    this.file = file == null ? null : file.toString();
    this.key = Objects.requireNonNull(key, "key");
  }

  public ConfigurationException(Path file, String key, String problem, Throwable cause) {
    super(format(file, key, problem), cause);
    this.file = file == null ? null : file.toString();
    this.key = Objects.requireNonNull(key, "key");
  }

  private static String format(Path file, String key, String problem) {
    String where = file == null ? "launcher configuration" : file.toString();
    return key.isEmpty() ? where + ": " + problem : where + ": key '" + key + "': " + problem;
  }

  /** The file that holds the error, or {@code null}. */
  public String file() {
    return file;
  }

  /** The dotted path of the offending key; empty when the whole file is at fault. */
  public String key() {
    return key;
  }
}
