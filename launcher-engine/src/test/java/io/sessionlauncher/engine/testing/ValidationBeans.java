package io.sessionlauncher.engine.testing;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/**
 * What an application server offers every bean for injection and Weld SE does not: Bean
 * Validation's {@link ValidatorFactory} and {@link Validator}. The factory is closed with the
 * container. Add this class to a test container that holds engine beans.
 */
@Dependent
public class ValidationBeans {
  @Produces
  @Singleton
  ValidatorFactory factory() {
    return Validation.buildDefaultValidatorFactory();
  }

  void close(@Disposes ValidatorFactory factory) {
    factory.close();
  }

  @Produces
  @Dependent
  Validator validator(ValidatorFactory factory) {
    return factory.getValidator();
  }
}
