package io.sessionlauncher.spi;

import java.util.List;

/** A plugin configuration broke constraints; every broken field is listed with its constraint. */
public class InvalidPluginConfigException extends PluginException {
  private static final long serialVersionUID = 1L;

  /**
   * One invalid field.
   *
   * @param field the field's name
   * @param problem what is wrong, e.g. {@code must not be blank} or {@code expected a number}
   */
  public record Violation(String field, String problem) {
    @Override
    public String toString() {
      return field + ": " + problem;
    }
  }

  private final transient List<Violation> violations;

  public InvalidPluginConfigException(String plugin, List<Violation> violations) {
    super("Invalid configuration for " + plugin + ": " + joined(violations));
    this.violations = List.copyOf(violations);
  }

  private static String joined(List<Violation> violations) {
    StringBuilder text = new StringBuilder();
    for (Violation violation : violations) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(violation);
    }
    return text.toString();
  }

  /** The broken fields, sorted by name. */
  public List<Violation> violations() {
    return violations;
  }
}
