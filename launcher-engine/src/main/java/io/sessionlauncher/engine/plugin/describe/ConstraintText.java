package io.sessionlauncher.engine.plugin.describe;

import jakarta.validation.metadata.ConstraintDescriptor;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Bean Validation constraint as people write it: {@code @NotBlank}, {@code @Min(1)},
 * {@code @Size(max=200)}. Made from the constraint's {@link ConstraintDescriptor}: only attributes
 * set to something other than their default are shown, in the order of their names.
 */
final class ConstraintText {
  /** Attributes every constraint has, which say nothing about the allowed values. */
  private static final Set<String> COMMON = Set.of("message", "groups", "payload");

  private ConstraintText() {}

  static String of(ConstraintDescriptor<?> constraint) {
    Class<? extends Annotation> type = constraint.getAnnotation().annotationType();
    Map<String, String> set = new TreeMap<>();
    constraint
        .getAttributes()
        .forEach(
            (name, value) -> {
              if (!COMMON.contains(name) && !isDefault(type, name, value)) {
                set.put(name, literal(value));
              }
            });
    String name = "@" + type.getSimpleName();
    if (set.isEmpty()) {
      return name;
    }
    if (set.size() == 1 && set.containsKey("value")) {
      return name + "(" + set.get("value") + ")";
    }
    List<String> pairs = new ArrayList<>();
    set.forEach((key, value) -> pairs.add(key + "=" + value));
    return name + "(" + String.join(", ", pairs) + ")";
  }

  /** Whether {@code value} is the default of the annotation's attribute {@code name}. */
  private static boolean isDefault(Class<? extends Annotation> type, String name, Object value) {
    Object defaultValue;
    try {
      defaultValue = type.getMethod(name).getDefaultValue();
    } catch (NoSuchMethodException e) {
      return false;
    }
    return Arrays.deepEquals(new Object[] {value}, new Object[] {defaultValue});
  }

  private static String literal(Object value) {
    if (value instanceof String text) {
      return "\"" + text + "\"";
    }
    if (value instanceof Object[] array) {
      List<String> items = new ArrayList<>();
      for (Object item : array) {
        items.add(literal(item));
      }
      return "{" + String.join(", ", items) + "}";
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    return String.valueOf(value);
  }
}
