package io.sessionlauncher.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule from {@code configuration.sanitize} for one client-supplied value. A value the rule
 * refuses is replaced by the rule's default, as the reference launcher does; a missing value also
 * takes the default.
 */
public sealed interface SanitizeRule {

  /** Value used when the client's value is refused or missing. */
  String defaultValue();

  /** Whether the client's value may be used as it is. */
  boolean accepts(String value);

  /** The value to use: the client's if accepted, else the default. */
  default String apply(String value) {
    return value != null && accepts(value) ? value : defaultValue();
  }

  /**
   * {@code {"type": "inList", "list": [...], "default": d}}: the value must be one of the list.
   *
   * @param values the allowed values
   * @param defaultValue the replacement for any other value
   */
  record InList(List<String> values, String defaultValue) implements SanitizeRule {
    public InList {
      values = List.copyOf(values);
      Objects.requireNonNull(defaultValue, "defaultValue");
    }

    @Override
    public boolean accepts(String value) {
      return values.contains(value);
    }
  }

  /**
   * {@code {"type": "regexp", "regexp": "...", "default": d}}: the WHOLE value must match (the
   * reference only anchors at the start, which lets {@code good;rm -rf /} through).
   *
   * @param pattern the compiled expression
   * @param defaultValue the replacement for a value that does not match
   */
  record Regexp(Pattern pattern, String defaultValue) implements SanitizeRule {
    public Regexp {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(defaultValue, "defaultValue");
    }

    @Override
    public boolean accepts(String value) {
      return pattern.matcher(value).matches();
    }
  }
}
