package io.sessionlauncher.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a running {@link Keycloak} as a parameter (of a {@code @BeforeAll} method, a
 * constructor or a test). The first test class that asks starts it; every later one in the same run
 * gets the same instance, and it is stopped when the whole run ends, whether the tests passed or
 * not (JUnit closes what the root context's store holds).
 */
final class KeycloakExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KeycloakExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Keycloak.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return running(context);
  }

  /** The run's Keycloak, started on the first call. */
  static Keycloak running(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, type -> Running.start(), Running.class)
        .keycloak();
  }

  /** The store's handle on the one Keycloak of the run; JUnit closes it at the end. */
  private record Running(Keycloak keycloak) implements ExtensionContext.Store.CloseableResource {
    static Running start() {
      try {
        Keycloak keycloak = Keycloak.start();
        System.err.println(
            "[launcher-e2e] Keycloak answered "
                + keycloak.startTime().toMillis()
                + " ms after its start");
        return new Running(keycloak);
      } catch (IOException e) {
        throw new UncheckedIOException("Keycloak would not start", e);
      }
    }

    @Override
    public void close() {
      keycloak.close();
    }
  }
}
