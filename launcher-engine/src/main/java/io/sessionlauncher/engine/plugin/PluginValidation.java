package io.sessionlauncher.engine.plugin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/**
 * Bean Validation for plugin configurations inside a container: one factory of the default provider
 * (the server's own, Hibernate Validator on Open Liberty), built when the application starts and
 * closed when it stops. {@link PluginCatalog} binds and describes configurations with its
 * validator.
 *
 * <p>Not the {@link Validator} the container offers for injection: Open Liberty resolves that one
 * on every call from the module on the thread, and while an EAR starts, where the launcher checks
 * every app's plugin configuration, no module has validation set up yet (the call fails with
 * "Validation not enabled for module ...").
 */
@ApplicationScoped
public class PluginValidation {
  private ValidatorFactory factory;

  @PostConstruct
  void open() {
    factory = Validation.buildDefaultValidatorFactory();
  }

  @PreDestroy
  void close() {
    factory.close();
  }

  /** A validator of the factory; cheap, and safe to share between threads. */
  public Validator validator() {
    return factory.getValidator();
  }
}
