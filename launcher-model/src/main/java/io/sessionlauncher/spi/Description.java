package io.sessionlauncher.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a field of a plugin's configuration record for people: shown by {@code GET /plugins}
 * and in error messages.
 *
 * <pre>{@code
 * public record Config(@Description("Folder to serve") @NotBlank String directory) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD
})
public @interface Description {
  /** One sentence saying what the field sets. */
  String value();
}
