package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.spi.InvalidPluginConfigException;
import io.sessionlauncher.spi.InvalidPluginConfigException.Violation;
import io.sessionlauncher.spi.LauncherPlugin;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Turns a plugin's configuration from plain JSON values into its record, then checks it with Bean
 * Validation. Every problem (unknown field, wrong type, missing value, broken constraint) is
 * collected and reported at once, by field name.
 */
public final class ConfigBinder {
  private static final Logger LOG = Logger.getLogger(ConfigBinder.class.getName());

  private final Validator validator;

  /** Checks constraints with {@code validator}; {@code null} checks types only. */
  public ConfigBinder(Validator validator) {
    this.validator = validator;
  }

  /** With the default Bean Validation provider, or types only when there is none. */
  public static ConfigBinder withDefaultValidator() {
    try {
      return new ConfigBinder(Validation.buildDefaultValidatorFactory().getValidator());
    } catch (ValidationException e) {
      LOG.warning("No Bean Validation provider; plugin configurations are checked for types only");
      return new ConfigBinder(null);
    }
  }

  /**
   * @param values field values; {@code null} means none given
   * @throws InvalidPluginConfigException listing every invalid field
   */
  public <C extends Record> C bind(LauncherPlugin<C> plugin, Map<String, Object> values) {
    Class<C> type = plugin.configType();
    C defaults = plugin.defaultConfig().orElse(null);
    if (values == null && defaults != null) {
      return validate(plugin, defaults);
    }
    Map<String, Object> given = values == null ? Map.of() : values;
    RecordComponent[] components = type.getRecordComponents();
    List<Violation> violations = new ArrayList<>();
    Set<String> known = new java.util.HashSet<>();
    Object[] arguments = new Object[components.length];
    boolean[] unread = new boolean[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      String name = component.getName();
      String key = given.containsKey(name) ? name : snakeCase(name);
      known.add(name);
      known.add(snakeCase(name));
      if (given.containsKey(key) && given.get(key) != null) {
        try {
          arguments[i] = convert(given.get(key), component.getGenericType());
        } catch (IllegalArgumentException e) {
          violations.add(new Violation(key, e.getMessage()));
          unread[i] = true;
        }
      } else if (defaults != null) {
        arguments[i] = read(component, defaults);
      } else if (component.getType().isPrimitive()) {
        violations.add(new Violation(snakeCase(name), "is required but missing"));
        unread[i] = true;
      }
    }
    for (String key : given.keySet()) {
      if (!known.contains(key)) {
        violations.add(new Violation(key, "is not a field of " + plugin.name()));
      }
    }
    if (!violations.isEmpty()) {
      // No record can be built, but the fields that were read are checked all the same, so that
      // one answer names every problem.
      violations.addAll(fieldConstraints(type, components, arguments, unread));
      throw invalid(plugin, violations);
    }
    return validate(plugin, construct(type, components, arguments, plugin));
  }

  /** {@code readyLine} as {@code ready_line}: JSON configurations use the reference's style. */
  public static String snakeCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private <C extends Record> C validate(LauncherPlugin<C> plugin, C config) {
    if (validator == null) {
      return config;
    }
    Set<ConstraintViolation<C>> broken = validator.validate(config);
    if (broken.isEmpty()) {
      return config;
    }
    List<Violation> violations = new ArrayList<>();
    for (ConstraintViolation<C> violation : broken) {
      String path = violation.getPropertyPath().toString();
      violations.add(new Violation(snakeCase(path), violation.getMessage()));
    }
    throw invalid(plugin, violations);
  }

  /** The constraints broken by each field that was read, checked one field at a time. */
  private <C extends Record> List<Violation> fieldConstraints(
      Class<C> type, RecordComponent[] components, Object[] arguments, boolean[] unread) {
    List<Violation> violations = new ArrayList<>();
    if (validator == null) {
      return violations;
    }
    for (int i = 0; i < components.length; i++) {
      if (!unread[i]) {
        String name = components[i].getName();
        for (ConstraintViolation<C> violation : validator.validateValue(type, name, arguments[i])) {
          violations.add(new Violation(snakeCase(name), violation.getMessage()));
        }
      }
    }
    return violations;
  }

  private static InvalidPluginConfigException invalid(
      LauncherPlugin<?> plugin, List<Violation> violations) {
    violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::problem));
    return new InvalidPluginConfigException(plugin.name(), violations);
  }

  private static Object read(RecordComponent component, Record from) {
    try {
      return component.getAccessor().invoke(from);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }

  private static <C extends Record> C construct(
      Class<C> type, RecordComponent[] components, Object[] arguments, LauncherPlugin<C> plugin) {
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    try {
      Constructor<C> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new InvalidPluginConfigException(
          plugin.name(), List.of(new Violation("(record)", String.valueOf(cause.getMessage()))));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  /** Converts one JSON value to a field's type; the message says what was expected. */
  static Object convert(Object value, Type target) {
    Class<?> raw = rawType(target);
    if (raw == Object.class) {
      return value;
    }
    if (raw == String.class) {
      if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        return value.toString();
      }
      throw expected("a string", value);
    }
    if (raw == int.class || raw == Integer.class) {
      long whole = whole(value);
      if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
        throw expected(
            "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE, value);
      }
      return (int) whole;
    }
    if (raw == long.class || raw == Long.class) {
      return whole(value);
    }
    if (raw == double.class || raw == Double.class) {
      return number(value).doubleValue();
    }
    if (raw == boolean.class || raw == Boolean.class) {
      if (value instanceof Boolean bool) {
        return bool;
      }
      if ("true".equals(value) || "false".equals(value)) {
        return Boolean.parseBoolean((String) value);
      }
      throw expected("true or false", value);
    }
    if (raw == Path.class) {
      try {
        return Path.of((String) convert(value, String.class));
      } catch (InvalidPathException e) {
        throw expected("a file path", value);
      }
    }
    if (raw == Duration.class) {
      return Duration.ofMillis(number(value).movePointRight(3).longValue());
    }
    if (raw.isEnum()) {
      String name = (String) convert(value, String.class);
      for (Object constant : raw.getEnumConstants()) {
        if (((Enum<?>) constant).name().equalsIgnoreCase(name)) {
          return constant;
        }
      }
      throw expected("one of " + java.util.Arrays.toString(raw.getEnumConstants()), value);
    }
    if (raw == List.class) {
      if (!(value instanceof List<?> list)) {
        throw expected("an array", value);
      }
      Type element = typeArgument(target, 0);
      List<Object> result = new ArrayList<>(list.size());
      for (Object item : list) {
        result.add(convert(item, element));
      }
      return List.copyOf(result);
    }
    if (raw == Map.class) {
      if (!(value instanceof Map<?, ?> map)) {
        throw expected("an object", value);
      }
      Type element = typeArgument(target, 1);
      Map<String, Object> result = new LinkedHashMap<>();
      map.forEach((key, item) -> result.put(String.valueOf(key), convert(item, element)));
      return java.util.Collections.unmodifiableMap(result);
    }
    throw new IllegalArgumentException("has a type the launcher cannot read: " + raw.getName());
  }

  private static Long whole(Object value) {
    try {
      return number(value).longValueExact();
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw expected("a whole number", value);
    }
  }

  private static BigDecimal number(Object value) {
    try {
      if (value instanceof BigDecimal decimal) {
        return decimal;
      }
      if (value instanceof Number number) {
        return new BigDecimal(number.toString());
      }
      if (value instanceof String text) {
        return new BigDecimal(text.trim());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw expected("a number", value);
  }

  private static IllegalArgumentException expected(String what, Object value) {
    String found = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    return new IllegalArgumentException("expected " + what + ", found " + found);
  }

  private static Class<?> rawType(Type type) {
    if (type instanceof Class<?> cls) {
      return cls;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return Object.class;
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments().length > index) {
      return parameterized.getActualTypeArguments()[index];
    }
    return String.class;
  }
}
