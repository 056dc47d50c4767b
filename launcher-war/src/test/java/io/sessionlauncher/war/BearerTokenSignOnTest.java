package io.sessionlauncher.war;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.model.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The WAR's switch for the server's MicroProfile JWT: the {@code @LoginConfig} bean the server
 * looks for exists with {@code launcher.signOn=true} only, and then only with the token checks
 * configured; on Weld with MicroProfile Config (SmallRye), as a server runs the extension.
 */
class BearerTokenSignOnTest {
  private static final Map<String, String> CONFIGURED =
      Map.of(
          "launcher.signOn", "true",
          "mp.jwt.verify.issuer", "https://sso.example.org/realms/session-launcher",
          "mp.jwt.verify.audiences", "session-launcher",
          "mp.jwt.verify.publickey.location",
              "https://sso.example.org/realms/session-launcher/protocol/openid-connect/certs");

  @Test
  void withSignOnTheLoginConfigBeanIsThere() {
    assertTrue(loginConfigBean(CONFIGURED));
    assertEquals(
        "MP-JWT", BearerTokenLogin.class.getAnnotation(LoginConfig.class).authMethod(), "method");
  }

  @Test
  void withoutSignOnThereIsNone() {
    assertFalse(loginConfigBean(Map.of()));
    Map<String, String> off = new HashMap<>(CONFIGURED);
    off.put("launcher.signOn", "false");
    assertFalse(loginConfigBean(off));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mp.jwt.verify.issuer",
        "mp.jwt.verify.audiences",
        "mp.jwt.verify.publickey.location"
      })
  void withSignOnAMissingTokenCheckFailsTheStartNamingTheKey(String key) {
    Map<String, String> config = new HashMap<>(CONFIGURED);
    config.remove(key);
    RuntimeException e = assertThrows(RuntimeException.class, () -> loginConfigBean(config));
    // Weld lists the observer's exception in its own message, as Payara's deployment log shows it.
    String message = e.getMessage();
    assertTrue(
        message.contains(
            ConfigurationException.class.getName() + ": launcher configuration: key '" + key + "'"),
        message);
    assertTrue(
        message.contains(key.replace('.', '_').toUpperCase(Locale.ROOT)),
        "names the environment variable: " + message);
  }

  @Test
  void theKeyItselfMayReplaceItsLocation() {
    Map<String, String> config = new HashMap<>(CONFIGURED);
    config.remove("mp.jwt.verify.publickey.location");
    config.put("mp.jwt.verify.publickey", "{\"keys\": []}");
    assertTrue(loginConfigBean(config));
  }

  /** Whether a container with {@code config} has the bean; throws what its start throws. */
  private static boolean loginConfigBean(Map<String, String> config) {
    ClassLoader loader = BearerTokenSignOn.class.getClassLoader();
    ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    var built =
        new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(config, "test", 500))
            .build();
    resolver.registerConfig(built, loader);
    try (WeldContainer container =
        new Weld().disableDiscovery().addExtension(new BearerTokenSignOn()).initialize()) {
      return !container.getBeanManager().getBeans(BearerTokenLogin.class).isEmpty();
    } finally {
      resolver.releaseConfig(built);
    }
  }
}
