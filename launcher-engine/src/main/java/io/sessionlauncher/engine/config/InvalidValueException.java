package io.sessionlauncher.engine.config;

import java.util.Objects;

/**
 * A JSON value that does not fit where it stands, found by {@link JsonConverter}: the path of the
 * value ({@code configuration.port}, {@code args[1]}, {@code env.HOME}) and what is wrong with it
 * ({@code expected a whole number, found the string "x"}). Whoever reads a whole document turns it
 * into the error its callers know: the configuration loader into a {@link
 * io.sessionlauncher.model.ConfigurationException} naming the file, the plugin binder into one
 * violation of an {@link io.sessionlauncher.spi.InvalidPluginConfigException}.
 */
public class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;

  /**
   * @param path where the value is, as a dotted path with {@code [index]} for array elements; empty
   *     for the whole document
   * @param problem what was expected and what was found, or what is missing
   */
  public InvalidValueException(String path, String problem) {
    super(path.isEmpty() ? problem : path + ": " + problem);
    this.path = Objects.requireNonNull(path, "path");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** Where the value is; empty for the whole document. */
  public String path() {
    return path;
  }

  /** What is wrong, without the path. */
  public String problem() {
    return problem;
  }
}
