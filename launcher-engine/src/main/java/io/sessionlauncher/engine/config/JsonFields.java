package io.sessionlauncher.engine.config;

import io.sessionlauncher.model.ConfigurationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of one JSON object of a configuration file. Every failure names the file, the dotted
 * key and what was expected. Numbers written as strings are accepted, as the reference does.
 */
final class JsonFields {
  private final Path file;
  private final String prefix;
  private final JsonObject object;

  JsonFields(Path file, String prefix, JsonObject object) {
    this.file = file;
    this.prefix = prefix;
    this.object = object;
  }

  String key(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  ConfigurationException error(String name, String problem) {
    return new ConfigurationException(file, key(name), problem);
  }

  boolean has(String name) {
    return object.containsKey(name) && object.get(name).getValueType() != JsonValue.ValueType.NULL;
  }

  JsonObject object() {
    return object;
  }

  JsonValue required(String name) {
    if (!has(name)) {
      throw error(name, "is required but missing");
    }
    return object.get(name);
  }

  /** The fields of a nested object, keyed below {@code name}. */
  JsonFields child(String name, JsonObject value) {
    return new JsonFields(file, key(name), value);
  }

  JsonFields requiredObject(String name) {
    return new JsonFields(file, key(name), asObject(name, required(name)));
  }

  JsonFields optionalObject(String name) {
    JsonObject value = has(name) ? asObject(name, object.get(name)) : JsonValue.EMPTY_JSON_OBJECT;
    return new JsonFields(file, key(name), value);
  }

  JsonObject asObject(String name, JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw error(name, "expected an object, found " + describe(value));
    }
    return value.asJsonObject();
  }

  JsonArray requiredArray(String name) {
    return asArray(name, required(name));
  }

  JsonArray asArray(String name, JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw error(name, "expected an array, found " + describe(value));
    }
    return value.asJsonArray();
  }

  String requiredString(String name) {
    return scalarText(name, required(name), "a string");
  }

  String optionalString(String name) {
    return has(name) ? scalarText(name, object.get(name), "a string") : null;
  }

  /** A string, or a number or boolean written without quotes, as text. */
  String scalarText(String name, JsonValue value, String expected) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER, TRUE, FALSE -> value.toString();
      default -> throw error(name, "expected " + expected + ", found " + describe(value));
    };
  }

  /** Strings only: for text that must not silently come from a number. */
  String strictString(String name, JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw error(name, "expected a string, found " + describe(value));
    }
    return ((JsonString) value).getString();
  }

  BigDecimal number(String name, JsonValue value) {
    if (value.getValueType() == JsonValue.ValueType.NUMBER) {
      return ((JsonNumber) value).bigDecimalValue();
    }
    if (value.getValueType() == JsonValue.ValueType.STRING) {
      String text = ((JsonString) value).getString().trim();
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw error(name, "expected a number, found \"" + text + "\"");
      }
    }
    throw error(name, "expected a number, found " + describe(value));
  }

  int integer(String name, JsonValue value, int min, int max) {
    BigDecimal number = number(name, value);
    try {
      int result = number.intValueExact();
      if (result < min || result > max) {
        throw error(
            name, "expected a whole number from " + min + " to " + max + ", found " + result);
      }
      return result;
    } catch (ArithmeticException e) {
      throw error(name, "expected a whole number, found " + number.toPlainString());
    }
  }

  List<String> requiredStringList(String name) {
    return stringList(name, requiredArray(name));
  }

  List<String> stringList(String name, JsonArray array) {
    List<String> result = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      result.add(scalarText(name + "[" + i + "]", array.get(i), "a string"));
    }
    return result;
  }

  static String describe(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "the string " + value;
      case NUMBER -> "the number " + value;
      case TRUE, FALSE -> "the boolean " + value;
      case NULL -> "null";
    };
  }
}
