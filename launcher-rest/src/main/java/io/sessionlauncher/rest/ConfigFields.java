package io.sessionlauncher.rest;

import io.sessionlauncher.engine.config.JsonConverter;
import io.sessionlauncher.spi.Description;
import io.sessionlauncher.spi.LauncherPlugin;
import jakarta.json.JsonValue;
import jakarta.validation.Constraint;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a plugin's configuration record as {@code GET /plugins} shows them: name (as
 * written in JSON), type, description, default (when the plugin has a default configuration) and
 * Bean Validation constraints.
 */
final class ConfigFields {
  private static final String[] ELEMENT = {"element"};
  private static final String[] KEY_VALUE = {"key", "value"};

  private ConfigFields() {}

  static List<Object> of(LauncherPlugin<?> plugin) {
    Record defaults = plugin.defaultConfig().orElse(null);
    List<Object> fields = new ArrayList<>();
    for (RecordComponent component : plugin.configType().getRecordComponents()) {
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("name", JsonConverter.jsonName(component.getName()));
      field.put("type", type(component.getType()));
      if (component.getType().isEnum()) {
        List<Object> values = new ArrayList<>();
        for (Object constant : component.getType().getEnumConstants()) {
          values.add(((Enum<?>) constant).name());
        }
        field.put("values", values);
      }
      Description description = component.getAnnotation(Description.class);
      if (description != null) {
        field.put("description", description.value());
      }
      if (defaults != null) {
        field.put("default", json(read(component, defaults)));
      }
      field.put("constraints", constraints(plugin.configType(), component));
      fields.add(field);
    }
    return fields;
  }

  private static String type(Class<?> type) {
    if (type == String.class) {
      return "string";
    }
    if (type == int.class || type == long.class || type == short.class || type == byte.class) {
      return "integer";
    }
    if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class) {
      return "integer";
    }
    if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
      return "number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (type == Path.class) {
      return "path";
    }
    if (type == Duration.class) {
      return "seconds";
    }
    if (type.isEnum()) {
      return "enum";
    }
    if (List.class.isAssignableFrom(type)) {
      return "array";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "object";
    }
    return type.getSimpleName();
  }

  /**
   * Constraints are read from the record's field: Bean Validation annotations cannot target a
   * record component, so the compiler puts them on the field, the accessor and the constructor.
   */
  private static List<Object> constraints(Class<?> record, RecordComponent component) {
    List<Object> found = new ArrayList<>();
    java.lang.reflect.Field field;
    try {
      field = record.getDeclaredField(component.getName());
    } catch (NoSuchFieldException e) {
      return found;
    }
    for (Annotation annotation : field.getAnnotations()) {
      if (isConstraint(annotation)) {
        found.add(ConstraintText.of(annotation));
      }
    }
    AnnotatedType type = field.getAnnotatedType();
    if (type instanceof AnnotatedParameterizedType parameterized) {
      AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
      String[] names = arguments.length == 2 ? KEY_VALUE : ELEMENT;
      for (int i = 0; i < arguments.length && i < names.length; i++) {
        for (Annotation annotation : arguments[i].getAnnotations()) {
          if (isConstraint(annotation)) {
            found.add(names[i] + " " + ConstraintText.of(annotation));
          }
        }
      }
    }
    return found;
  }

  private static boolean isConstraint(Annotation annotation) {
    return annotation.annotationType().isAnnotationPresent(Constraint.class);
  }

  private static Object read(RecordComponent component, Record from) {
    try {
      Method accessor = component.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(from);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** A default value as JSON-P takes it: the form a configuration would give it in. */
  private static Object json(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    if (value instanceof Duration duration) {
      return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      list.forEach(item -> items.add(json(item)));
      return items;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> items = new LinkedHashMap<>();
      map.forEach((key, item) -> items.put(String.valueOf(key), json(item)));
      return items;
    }
    return value.toString();
  }
}
