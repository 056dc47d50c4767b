package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.engine.config.InvalidValueException;
import io.sessionlauncher.engine.config.JsonConverter;
import io.sessionlauncher.spi.InvalidPluginConfigException;
import io.sessionlauncher.spi.InvalidPluginConfigException.Violation;
import io.sessionlauncher.spi.LauncherPlugin;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a plugin's configuration from plain JSON values into its record, by {@link JsonConverter}'s
 * rules (the same as {@code launcher.json}'s), then checks it with Bean Validation. Every problem
 * (unknown field, wrong type, missing value, broken constraint) is collected and reported at once,
 * by field name.
 */
public final class ConfigBinder {
  private final Validator validator;

  /**
   * Checks constraints with {@code validator}: in a container, {@link PluginValidation}'s. {@code
   * null} checks types only.
   */
  public ConfigBinder(Validator validator) {
    this.validator = validator;
  }

  /**
   * For plain Java: with the default Bean Validation provider's validator, shared by the JVM, or
   * types only when there is no provider.
   */
  public static ConfigBinder withDefaultValidator() {
    return new ConfigBinder(StandaloneValidation.validator().orElse(null));
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
    Set<String> known = new HashSet<>();
    Object[] arguments = new Object[components.length];
    boolean[] unread = new boolean[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      String name = component.getName();
      String jsonName = JsonConverter.jsonName(name);
      String key = given.containsKey(name) ? name : jsonName;
      known.add(name);
      known.add(jsonName);
      if (given.get(key) != null) {
        try {
          arguments[i] = JsonConverter.read(key, given.get(key), component.getGenericType());
        } catch (InvalidValueException e) {
          violations.add(new Violation(e.path(), e.problem()));
          unread[i] = true;
        }
      } else if (defaults != null) {
        arguments[i] = read(component, defaults);
      } else if (component.getType().isPrimitive()) {
        violations.add(new Violation(jsonName, "is required but missing"));
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
      violations.add(new Violation(JsonConverter.jsonName(path), violation.getMessage()));
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
          violations.add(new Violation(JsonConverter.jsonName(name), violation.getMessage()));
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
}
