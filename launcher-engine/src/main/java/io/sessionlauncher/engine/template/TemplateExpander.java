package io.sessionlauncher.engine.template;

import io.sessionlauncher.model.UnresolvedVariableException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Expands {@code $name} and {@code ${name}} in one pass, as Python's {@code string.Template} reads
 * them: {@code $$} is a literal {@code $}, names are {@code [_A-Za-z][_A-Za-z0-9]*}. A value is
 * inserted literally and never scanned again, so a client cannot smuggle a {@code $property} in
 * through a request value. A {@code $} that starts no name is kept as it is.
 */
public final class TemplateExpander {
  private TemplateExpander() {}

  /**
   * @param template the text to expand
   * @param lookup the value of a variable, or empty when it has none
   * @throws UnresolvedVariableException naming the first variable {@code lookup} cannot resolve
   */
  public static String expand(String template, Function<String, Optional<String>> lookup) {
    int dollar = template.indexOf('$');
    if (dollar < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length() + 16);
    out.append(template, 0, dollar);
    int i = dollar;
    int n = template.length();
    while (i < n) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= n) {
        out.append(c);
        i++;
        continue;
      }
      char next = template.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int close = template.indexOf('}', i + 2);
        String name = close < 0 ? null : template.substring(i + 2, close);
        if (name != null && isName(name)) {
          out.append(resolve(name, lookup));
          i = close + 1;
        } else {
          out.append(c);
          i++;
        }
      } else if (isNameStart(next)) {
        int end = i + 2;
        while (end < n && isNamePart(template.charAt(end))) {
          end++;
        }
        out.append(resolve(template.substring(i + 1, end), lookup));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * Whether {@code template} refers to any variable ({@code $name} or {@code ${name}}); a literal
   * {@code $} (alone, doubled, or not followed by a name) is not a reference.
   */
  public static boolean hasVariables(String template) {
    if (template.indexOf('$') < 0) {
      return false;
    }
    boolean[] found = {false};
    expand(
        template,
        name -> {
          found[0] = true;
          return Optional.of("");
        });
    return found[0];
  }

  private static String resolve(String name, Function<String, Optional<String>> lookup) {
    return lookup.apply(name).orElseThrow(() -> new UnresolvedVariableException(name));
  }

  private static boolean isName(String text) {
    if (text.isEmpty() || !isNameStart(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      if (!isNamePart(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
