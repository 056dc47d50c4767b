package io.sessionlauncher.engine.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The launcher's one set of rules for reading JSON values into Java values, and for writing Java
 * values back in the same JSON form. {@code launcher.json} ({@link ConfigLoader}), plugin
 * configuration records ({@code ConfigBinder}) and stored product configurations ({@code
 * ProductLaunchers}) are all read with it, so a value means the same everywhere and every refusal
 * is worded the same way.
 *
 * <p>Values come in the plain form {@link JsonValues#plain} gives (and plain-Java callers pass):
 * {@code String}, {@code Number}, {@code Boolean}, {@code null}, {@code List}, {@code Map}. The
 * rules, by the Java type wanted:
 *
 * <ul>
 *   <li>text ({@code String}): a string; a number or a boolean written without quotes is taken as
 *       its text;
 *   <li>whole number ({@code int}, {@code long} and their boxes): a number or a string holding one,
 *       with no fraction, within the type's range (or the range the caller gives);
 *   <li>number ({@code double}): a number or a string holding one;
 *   <li>{@code boolean}: {@code true} or {@code false}, bare or as a string;
 *   <li>{@code Path}: text that is a valid path (relative paths are left to the caller);
 *   <li>{@code Duration}: seconds, as for a number, fractions down to the millisecond; never
 *       negative;
 *   <li>enum: the name of a constant, in any case;
 *   <li>{@code List<T>}: an array, each element by the rule of {@code T}; {@code Map<String, T>}:
 *       an object, each value by the rule of {@code T};
 *   <li>{@code Object}: the value as it is.
 * </ul>
 *
 * <p>Every refusal is an {@link InvalidValueException} with the value's path ({@code
 * configuration.port}, {@code args[1]}, {@code env.HOME}) and the problem in one wording: {@code
 * expected <what the rule takes>, found <the value>}, the value described by its JSON kind ({@code
 * the string "x"}, {@code the number 5}, {@code the boolean true}, {@code an array}, {@code an
 * object}, {@code null}); or {@code is required but missing}.
 */
public final class JsonConverter {
  /** The longest duration a {@link Duration} of milliseconds holds, in whole seconds. */
  private static final long MAX_SECONDS = Long.MAX_VALUE / 1000;

  private JsonConverter() {}

  // ---- paths and names

  /** The path of {@code name} inside the object at {@code parent} (empty for the top). */
  public static String key(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  /** The path of element {@code index} of the array at {@code parent}. */
  public static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /**
   * A Java name as JSON configurations write it, in the reference's style: {@code readyLine} is
   * {@code ready_line}.
   */
  public static String jsonName(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  // ---- reading

  /** {@code value}, which must be there: {@code null} counts as missing. */
  public static Object required(String path, Object value) {
    if (value == null) {
      throw new InvalidValueException(path, "is required but missing");
    }
    return value;
  }

  /**
   * {@code value} as the (possibly generic) type {@code target}: {@code List<Path>}, {@code
   * Map<String, String>}, a record component's type.
   *
   * @throws InvalidValueException when it does not fit, or {@code target} is a type the launcher
   *     cannot read
   */
  public static Object read(String path, Object value, Type target) {
    Class<?> raw = rawType(target);
    if (raw == Object.class) {
      return value;
    }
    if (raw == String.class) {
      return text(path, value);
    }
    if (raw == int.class || raw == Integer.class) {
      return integer(path, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (raw == long.class || raw == Long.class) {
      return wholeNumber(path, value, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (raw == double.class || raw == Double.class) {
      return number(path, value).doubleValue();
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return bool(path, value);
    }
    if (raw == Path.class) {
      return path(path, value);
    }
    if (raw == Duration.class) {
      return seconds(path, value, true);
    }
    if (raw.isEnum()) {
      return enumConstant(path, value, raw);
    }
    if (raw == List.class) {
      List<?> list = array(path, value);
      Type elementType = typeArgument(target, 0);
      List<Object> result = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        result.add(read(element(path, i), list.get(i), elementType));
      }
      return Collections.unmodifiableList(result);
    }
    if (raw == Map.class) {
      Map<String, Object> map = object(path, value);
      Type valueType = typeArgument(target, 1);
      Map<String, Object> result = new LinkedHashMap<>();
      map.forEach((key, item) -> result.put(key, read(key(path, key), item, valueType)));
      return Collections.unmodifiableMap(result);
    }
    throw new InvalidValueException(
        path, "has a type the launcher cannot read: " + raw.getTypeName());
  }

  /** Text: a string, or a number or boolean written without quotes. */
  public static String text(String path, Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw expected(path, "a string", value);
  }

  /** A string and nothing else: for text that must not silently come from a number. */
  public static String strictText(String path, Object value) {
    if (value instanceof String text) {
      return text;
    }
    throw expected(path, "a string", value);
  }

  /** A number, or a string holding one. */
  public static BigDecimal number(String path, Object value) {
    BigDecimal number = decimal(value);
    if (number == null) {
      throw expected(path, "a number", value);
    }
    return number;
  }

  /** A number without fraction from {@code min} to {@code max}, or a string holding one. */
  public static long wholeNumber(String path, Object value, long min, long max) {
    BigDecimal number = decimal(value);
    if (number == null || (number.signum() != 0 && number.stripTrailingZeros().scale() > 0)) {
      throw expected(path, "a whole number", value);
    }
    if (number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw expected(path, "a whole number from " + min + " to " + max, value);
    }
    return number.longValueExact();
  }

  /** {@link #wholeNumber} for an {@code int}. */
  public static int integer(String path, Object value, int min, int max) {
    return (int) wholeNumber(path, value, min, max);
  }

  /** {@code true} or {@code false}, bare or as a string. */
  public static boolean bool(String path, Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.parseBoolean((String) value);
    }
    throw expected(path, "true or false", value);
  }

  /** Text that is a valid path, as it is written: relative paths stay relative. */
  public static Path path(String path, Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      try {
        return Path.of(value.toString());
      } catch (InvalidPathException e) {
        // reported below
      }
    }
    throw expected(path, "a file path", value);
  }

  /**
   * A duration written in seconds: a number, or a string holding one, never negative; fractions
   * count down to the millisecond.
   *
   * @param zeroAllowed whether 0 is a valid duration here
   */
  public static Duration seconds(String path, Object value, boolean zeroAllowed) {
    BigDecimal seconds = decimal(value);
    if (seconds == null || seconds.signum() < 0 || (!zeroAllowed && seconds.signum() == 0)) {
      throw expected(
          path, "a number of seconds" + (zeroAllowed ? ", 0 or more" : " above 0"), value);
    }
    if (seconds.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
      throw expected(path, "a number of seconds up to " + MAX_SECONDS, value);
    }
    return Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.DOWN).longValue());
  }

  /** The constant of {@code type} whose name is the value, in any case. */
  public static <E extends Enum<E>> E constant(String path, Object value, Class<E> type) {
    return type.cast(enumConstant(path, value, type));
  }

  /** Text that is one of {@code choices}, exactly. */
  public static String choice(String path, Object value, List<String> choices) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      String text = value.toString();
      if (choices.contains(text)) {
        return text;
      }
    }
    throw expected(path, oneOf(choices), value);
  }

  /** An array, its elements as they are. */
  public static List<?> array(String path, Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw expected(path, "an array", value);
  }

  /** An object, its values as they are, in its order. */
  public static Map<String, Object> object(String path, Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> result = new LinkedHashMap<>();
      map.forEach((key, item) -> result.put(String.valueOf(key), item));
      return result;
    }
    throw expected(path, "an object", value);
  }

  /** An array of text, each element by the text rule. */
  public static List<String> texts(String path, Object value) {
    List<?> list = array(path, value);
    List<String> result = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      result.add(text(element(path, i), list.get(i)));
    }
    return result;
  }

  /** An object of text, each value by the text rule, in its order. */
  public static Map<String, String> textMap(String path, Object value) {
    Map<String, String> result = new LinkedHashMap<>();
    object(path, value).forEach((key, item) -> result.put(key, text(key(path, key), item)));
    return result;
  }

  // ---- writing

  /**
   * A Java value in the JSON form this class reads back: a {@code Duration} as seconds, a {@code
   * Path} or any other object as its text, an enum as its name, lists and maps element by element;
   * text, numbers, booleans and {@code null} as they are.
   */
  public static Object toJsonForm(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Number) {
      return value;
    }
    if (value instanceof Duration duration) {
      BigDecimal seconds = BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros();
      return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>(list.size());
      list.forEach(item -> items.add(toJsonForm(item)));
      return items;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> items = new LinkedHashMap<>();
      map.forEach((key, item) -> items.put(String.valueOf(key), toJsonForm(item)));
      return items;
    }
    return value.toString();
  }

  // ---- wording

  /** The refusal of {@code found} where {@code what} was expected. */
  public static InvalidValueException expected(String path, String what, Object found) {
    return new InvalidValueException(path, "expected " + what + ", found " + describe(found));
  }

  /** A value by its JSON kind: {@code the string "x"}, {@code the number 5}, {@code an array}. */
  public static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return "the string " + quoted(text);
    }
    if (value instanceof Boolean) {
      return "the boolean " + value;
    }
    if (value instanceof Number) {
      return "the number " + value;
    }
    if (value instanceof List<?>) {
      return "an array";
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    return "the Java object " + value;
  }

  /** {@code one of ["a", "b"]}. */
  private static String oneOf(List<String> choices) {
    List<String> quoted = new ArrayList<>(choices.size());
    choices.forEach(choice -> quoted.add(quoted(choice)));
    return "one of [" + String.join(", ", quoted) + "]";
  }

  /** Text as a JSON string literal. */
  private static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  // ---- helpers

  private static Object enumConstant(String path, Object value, Class<?> type) {
    List<String> names = new ArrayList<>();
    for (Object constant : type.getEnumConstants()) {
      names.add(((Enum<?>) constant).name());
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      String name = value.toString();
      for (Object constant : type.getEnumConstants()) {
        if (((Enum<?>) constant).name().equalsIgnoreCase(name)) {
          return constant;
        }
      }
    }
    throw expected(path, oneOf(names), value);
  }

  /** The number a value holds, or {@code null}. */
  private static BigDecimal decimal(Object value) {
    try {
      if (value instanceof BigDecimal decimal) {
        return decimal;
      }
      if (value instanceof Long
          || value instanceof Integer
          || value instanceof Short
          || value instanceof Byte) {
        return BigDecimal.valueOf(((Number) value).longValue());
      }
      if (value instanceof Number number) {
        return new BigDecimal(number.toString());
      }
      if (value instanceof String text) {
        return new BigDecimal(text.trim());
      }
    } catch (NumberFormatException e) {
      // not a number: NaN, Infinity, or text that holds none
    }
    return null;
  }

  private static Class<?> rawType(Type type) {
    if (type instanceof Class<?> cls) {
      return cls;
    }
    if (type instanceof ParameterizedType parameterized
        && parameterized.getRawType() instanceof Class<?> cls) {
      return cls;
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
