package io.sessionlauncher.war;

import io.sessionlauncher.model.ConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Turns on the server's MicroProfile JWT sign-on for the self-contained WAR when {@value #SIGN_ON}
 * is {@code true} in MicroProfile Config, so that one WAR serves both anonymous and signed-on
 * deployments. A server installs its MP-JWT authentication mechanism when a bean carries
 * {@code @LoginConfig(authMethod = "MP-JWT")}; that bean, {@link BearerTokenLogin}, is not
 * discovered by itself and is added here only with sign-on on.
 *
 * <p>With sign-on on, the token checks must be configured, or the deployment fails naming the key:
 * {@value #ISSUER}, {@value #AUDIENCES} (without it, a token the provider issued to any other
 * client would do) and one of {@value #PUBLIC_KEY_LOCATION} or {@value #PUBLIC_KEY}.
 */
public class BearerTokenSignOn implements Extension {
  private static final Logger LOG = Logger.getLogger(BearerTokenSignOn.class.getName());

  /** The launcher's switch; the same key Liberty's sign-on drop-in sets. */
  static final String SIGN_ON = "launcher.signOn";

  static final String ISSUER = "mp.jwt.verify.issuer";
  static final String AUDIENCES = "mp.jwt.verify.audiences";
  static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
  static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

  void addLoginConfig(@Observes BeforeBeanDiscovery event, BeanManager beans) {
    Config config = ConfigProvider.getConfig(BearerTokenSignOn.class.getClassLoader());
    if (!config.getOptionalValue(SIGN_ON, Boolean.class).orElse(false)) {
      return;
    }
    require(config, ISSUER, "the issuer of the provider's access tokens (its iss claim)");
    require(
        config,
        AUDIENCES,
        "the audience an access token must name (its aud claim), e.g. the launcher's client id");
    if (config.getOptionalValue(PUBLIC_KEY_LOCATION, String.class).isEmpty()
        && config.getOptionalValue(PUBLIC_KEY, String.class).isEmpty()) {
      throw missing(
          PUBLIC_KEY_LOCATION,
          "the provider's signing keys (its jwks_uri), or the key itself in " + PUBLIC_KEY);
    }
    event.addAnnotatedType(
        beans.createAnnotatedType(BearerTokenLogin.class), BearerTokenLogin.class.getName());
    LOG.info(
        () ->
            "Sign-on is on: bearer tokens of "
                + config.getValue(ISSUER, String.class)
                + " for "
                + config.getValue(AUDIENCES, String.class)
                + " (MicroProfile JWT)");
  }

  private static void require(Config config, String key, String meaning) {
    if (config.getOptionalValue(key, String.class).isEmpty()) {
      throw missing(key, meaning);
    }
  }

  private static ConfigurationException missing(String key, String meaning) {
    return new ConfigurationException(
        null,
        key,
        SIGN_ON
            + " is true, so "
            + key
            + " must be set (a system property, or the environment variable "
            + key.replace('.', '_').toUpperCase(java.util.Locale.ROOT)
            + "): "
            + meaning);
  }
}
