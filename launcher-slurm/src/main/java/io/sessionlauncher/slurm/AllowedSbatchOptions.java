package io.sessionlauncher.slurm;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

/**
 * Every {@code sbatch} option of the map is on {@link SbatchOptions#ALLOWED}, with a plain value.
 */
@Documented
@Constraint(validatedBy = AllowedSbatchOptions.Validator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowedSbatchOptions {
  /** Replaced by the list of problems found. */
  String message() default "holds an sbatch option that is not allowed";

  /** Bean Validation's groups. */
  Class<?>[] groups() default {};

  /** Bean Validation's payload. */
  Class<? extends Payload>[] payload() default {};

  /** Checks the options against the allowlist and reports each one refused. */
  class Validator implements ConstraintValidator<AllowedSbatchOptions, Map<String, String>> {
    /** Made by the Bean Validation provider. */
    public Validator() {}

    @Override
    public boolean isValid(Map<String, String> options, ConstraintValidatorContext context) {
      if (options == null) {
        return true;
      }
      List<String> problems = SbatchOptions.problems(options);
      if (problems.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      // Literal text, not a message template: a value holding "{" or "$" is not interpreted.
      context
          .buildConstraintViolationWithTemplate(
              String.join("; ", problems)
                  .replace("\\", "\\\\")
                  .replace("{", "\\{")
                  .replace("}", "\\}")
                  .replace("$", "\\$"))
          .addConstraintViolation();
      return false;
    }
  }
}
