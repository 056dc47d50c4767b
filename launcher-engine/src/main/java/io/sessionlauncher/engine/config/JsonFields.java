package io.sessionlauncher.engine.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One object of a launcher file, its members read by {@link JsonConverter}'s rules under their full
 * dotted path ({@code configuration.port}), so that every refusal names the key. A member that is
 * {@code null} counts as missing.
 */
final class JsonFields {
  private final String path;
  private final Map<String, Object> object;

  /**
   * @param path the object's own path, empty for the top of the file
   * @param object its members, as plain values
   */
  JsonFields(String path, Map<String, Object> object) {
    this.path = path;
    this.object = object;
  }

  String key(String name) {
    return JsonConverter.key(path, name);
  }

  InvalidValueException error(String name, String problem) {
    return new InvalidValueException(key(name), problem);
  }

  boolean has(String name) {
    return object.get(name) != null;
  }

  Set<String> names() {
    return object.keySet();
  }

  Object required(String name) {
    return JsonConverter.required(key(name), object.get(name));
  }

  /** The member object {@code name}, which must be there. */
  JsonFields object(String name) {
    return new JsonFields(key(name), JsonConverter.object(key(name), required(name)));
  }

  /** The member object {@code name}, one of {@link #names()}: {@code null} is not an object. */
  JsonFields member(String name) {
    return new JsonFields(key(name), JsonConverter.object(key(name), object.get(name)));
  }

  /** The member object {@code name}, or an empty one. */
  JsonFields optionalObject(String name) {
    return has(name) ? object(name) : new JsonFields(key(name), Map.of());
  }

  /** This object's members as they are. */
  Map<String, Object> values() {
    return object;
  }

  List<?> array(String name) {
    return JsonConverter.array(key(name), required(name));
  }

  String string(String name) {
    return JsonConverter.text(key(name), required(name));
  }

  String optionalString(String name) {
    return has(name) ? string(name) : null;
  }

  String strictString(String name) {
    return JsonConverter.strictText(key(name), required(name));
  }

  int integer(String name, int min, int max) {
    return JsonConverter.integer(key(name), required(name), min, max);
  }

  Duration seconds(String name, boolean zeroAllowed) {
    return JsonConverter.seconds(key(name), required(name), zeroAllowed);
  }

  String choice(String name, List<String> choices) {
    return JsonConverter.choice(key(name), required(name), choices);
  }

  List<String> strings(String name) {
    return JsonConverter.texts(key(name), required(name));
  }

  /** This object's members, each as text. */
  Map<String, String> textMap() {
    return JsonConverter.textMap(path, object);
  }
}
