package io.sessionlauncher.engine.plugin;

import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Bean Validation for plain Java, where no container offers a {@link Validator} to inject: the
 * default provider's factory, built once on first use and held for the life of the JVM. Building a
 * factory takes a noticeable fraction of a second and it holds nothing but caches of constraint
 * metadata, so one is shared by every {@link ProductLaunchers} and {@link ConfigBinder} of the JVM
 * and never closed. Inside a container the engine uses {@link PluginValidation}'s instead, which
 * the container closes with the application.
 */
final class StandaloneValidation {
  private static final Logger LOG = Logger.getLogger(StandaloneValidation.class.getName());

  private StandaloneValidation() {}

  /** The shared validator, or empty when no Bean Validation provider is on the class path. */
  static Optional<Validator> validator() {
    return Optional.ofNullable(Holder.VALIDATOR);
  }

  /** Loaded on first use only: the factory is built then, or never. */
  private static final class Holder {
    static final Validator VALIDATOR = build();

    private static Validator build() {
      try {
        ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
        return factory.getValidator();
      } catch (ValidationException e) {
        LOG.warning(
            "No Bean Validation provider; plugin configurations are checked for types only");
        return null;
      }
    }
  }
}
