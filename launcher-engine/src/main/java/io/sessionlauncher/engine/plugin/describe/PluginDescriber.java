package io.sessionlauncher.engine.plugin.describe;

import io.sessionlauncher.engine.config.JsonConverter;
import io.sessionlauncher.spi.Description;
import io.sessionlauncher.spi.LauncherPlugin;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Describes plugins for people: products, modes, servers, and the fields of each configuration
 * record with their JSON type, {@link Description}, default and constraints. The constraints come
 * from Bean Validation's metadata ({@link Validator#getConstraintsForClass}), so they are the ones
 * the validator checks, as it sees them.
 */
public final class PluginDescriber {
  private static final String[] ELEMENT = {"element"};
  private static final String[] KEY_VALUE = {"key", "value"};

  private final Validator validator;

  /**
   * @param validator the validator whose metadata gives the constraints
   */
  public PluginDescriber(Validator validator) {
    this.validator = Objects.requireNonNull(validator, "validator");
  }

  /** Every product of {@code plugins} with its modes; products and modes sorted by name. */
  public List<ProductDescription> describe(Collection<? extends LauncherPlugin<?>> plugins) {
    Map<String, List<LauncherPlugin<?>>> byProduct = new TreeMap<>();
    for (LauncherPlugin<?> plugin : plugins) {
      byProduct.computeIfAbsent(plugin.product(), product -> new ArrayList<>()).add(plugin);
    }
    List<ProductDescription> products = new ArrayList<>();
    byProduct.forEach(
        (product, modes) -> {
          modes.sort(Comparator.comparing(LauncherPlugin::mode));
          List<ModeDescription> described = new ArrayList<>();
          modes.forEach(plugin -> described.add(mode(plugin)));
          products.add(new ProductDescription(product, described));
        });
    return products;
  }

  /** One plugin: its mode, name, servers and configuration fields. */
  public ModeDescription mode(LauncherPlugin<?> plugin) {
    return new ModeDescription(plugin.mode(), plugin.name(), plugin.serverSpec(), fields(plugin));
  }

  /** The fields of the plugin's configuration record, in the record's order. */
  public List<FieldDescription> fields(LauncherPlugin<?> plugin) {
    Class<? extends Record> type = plugin.configType();
    Record defaults = plugin.defaultConfig().orElse(null);
    BeanDescriptor bean = validator.getConstraintsForClass(type);
    List<FieldDescription> fields = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      Description description = component.getAnnotation(Description.class);
      fields.add(
          new FieldDescription(
              JsonConverter.jsonName(component.getName()),
              typeName(component.getType()),
              enumNames(component.getType()),
              description == null ? null : description.value(),
              defaults != null,
              defaults == null ? null : JsonConverter.toJsonForm(read(component, defaults)),
              constraints(type, bean.getConstraintsForProperty(component.getName()))));
    }
    return fields;
  }

  /** The kind of JSON value a field of {@code type} takes, as {@link JsonConverter} reads it. */
  static String typeName(Class<?> type) {
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

  private static List<String> enumNames(Class<?> type) {
    List<String> names = new ArrayList<>();
    if (type.isEnum()) {
      for (Object constant : type.getEnumConstants()) {
        names.add(((Enum<?>) constant).name());
      }
    }
    return names;
  }

  /**
   * The property's constraints, then those of its type arguments ({@code List<@NotBlank String>}),
   * each group in declaration order.
   */
  private static List<String> constraints(Class<?> record, PropertyDescriptor property) {
    List<String> found = new ArrayList<>();
    if (property == null) {
      return found;
    }
    Field field = field(record, property.getPropertyName());
    List<Annotation> declared = field == null ? List.of() : List.of(field.getDeclaredAnnotations());
    inOrder(property.getConstraintDescriptors(), declared)
        .forEach(constraint -> found.add(ConstraintText.of(constraint)));
    List<ContainerElementTypeDescriptor> elements =
        new ArrayList<>(property.getConstrainedContainerElementTypes());
    elements.sort(Comparator.comparing(ContainerElementTypeDescriptor::getTypeArgumentIndex));
    for (ContainerElementTypeDescriptor element : elements) {
      Integer index = element.getTypeArgumentIndex();
      String[] names = typeArgumentCount(field) == 2 ? KEY_VALUE : ELEMENT;
      String prefix = index != null && index < names.length ? names[index] : "element";
      inOrder(element.getConstraintDescriptors(), typeArgumentAnnotations(field, index))
          .forEach(constraint -> found.add(prefix + " " + ConstraintText.of(constraint)));
    }
    return found;
  }

  /**
   * The constraints in the order they are written: Bean Validation gives them as a set, in no
   * order. Those not written on the element itself (none, unless a provider adds some) follow,
   * sorted by their text.
   */
  private static List<ConstraintDescriptor<?>> inOrder(
      Set<ConstraintDescriptor<?>> constraints, List<Annotation> declared) {
    List<ConstraintDescriptor<?>> sorted = new ArrayList<>(constraints);
    sorted.sort(
        Comparator.<ConstraintDescriptor<?>>comparingInt(
                constraint -> {
                  int index = declared.indexOf(constraint.getAnnotation());
                  return index < 0 ? Integer.MAX_VALUE : index;
                })
            .thenComparing(ConstraintText::of));
    return sorted;
  }

  private static Field field(Class<?> record, String name) {
    try {
      return record.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static int typeArgumentCount(Field field) {
    return field != null && field.getAnnotatedType() instanceof AnnotatedParameterizedType type
        ? type.getAnnotatedActualTypeArguments().length
        : 0;
  }

  private static List<Annotation> typeArgumentAnnotations(Field field, Integer index) {
    if (field != null
        && index != null
        && field.getAnnotatedType() instanceof AnnotatedParameterizedType type) {
      AnnotatedType[] arguments = type.getAnnotatedActualTypeArguments();
      if (index < arguments.length) {
        return List.of(arguments[index].getAnnotations());
      }
    }
    return List.of();
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
}
