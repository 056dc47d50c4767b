package io.sessionlauncher.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Bean Validation constraint as people write it: {@code @NotBlank}, {@code @Min(1)},
 * {@code @Size(max=200)}. Only attributes set to something other than their default are shown.
 */
final class ConstraintText {
  /** Attributes every constraint has, which say nothing about the allowed values. */
  private static final Set<String> COMMON = Set.of("message", "groups", "payload");

  private ConstraintText() {}

  static String of(Annotation annotation) {
    Map<String, String> set = new LinkedHashMap<>();
    Method[] methods = annotation.annotationType().getDeclaredMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName));
    for (Method method : methods) {
      if (COMMON.contains(method.getName()) || method.getParameterCount() > 0) {
        continue;
      }
      Object value;
      try {
        value = method.invoke(annotation);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue;
      }
      if (!Arrays.deepEquals(new Object[] {value}, new Object[] {method.getDefaultValue()})) {
        set.put(method.getName(), literal(value));
      }
    }
    String name = "@" + annotation.annotationType().getSimpleName();
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
