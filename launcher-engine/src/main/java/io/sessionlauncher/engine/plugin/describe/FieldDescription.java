package io.sessionlauncher.engine.plugin.describe;

import java.util.List;
import java.util.Objects;

/**
 * One field of a plugin's configuration record, as a person writing a configuration needs it.
 *
 * @param name the name as JSON configurations write it ({@code ready_line})
 * @param type the kind of JSON value it takes: {@code string}, {@code integer}, {@code number},
 *     {@code boolean}, {@code path}, {@code seconds}, {@code enum}, {@code array}, {@code object},
 *     or the Java type's simple name for any other
 * @param values the names an {@code enum} field takes; empty for other types
 * @param description the field's {@link io.sessionlauncher.spi.Description}, or {@code null}
 * @param hasDefault whether the plugin has a default configuration, which gives the field a value
 *     when a configuration leaves it out
 * @param defaultValue that value in JSON form ({@link
 *     io.sessionlauncher.engine.config.JsonConverter#toJsonForm}), {@code null} for none or JSON
 *     null
 * @param constraints the Bean Validation constraints as they are written ({@code @Size(max=200)}),
 *     in declaration order; those on a list's elements or a map's keys and values are prefixed
 *     {@code element}, {@code key} or <code>value</code>
 */
public record FieldDescription(
    String name,
    String type,
    List<String> values,
    String description,
    boolean hasDefault,
    Object defaultValue,
    List<String> constraints) {
  public FieldDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    values = List.copyOf(values);
    constraints = List.copyOf(constraints);
  }
}
