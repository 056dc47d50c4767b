package io.sessionlauncher.rest.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes {@link SignOnSettings} injectable, read once from MicroProfile Config. Without {@value
 * SignOnSettings#HOST} (a server that is not configured through server variables, such as Payara)
 * the host is unknown, not assumed to be loopback.
 */
@ApplicationScoped
public class SignOnSettingsProducer {

  @Produces
  @Singleton
  SignOnSettings signOnSettings() {
    Config config = ConfigProvider.getConfig();
    return new SignOnSettings(
        config.getOptionalValue(SignOnSettings.SIGN_ON, Boolean.class).orElse(false),
        config.getOptionalValue(SignOnSettings.ALLOW_ANONYMOUS, Boolean.class).orElse(false),
        config.getOptionalValue(SignOnSettings.HOST, String.class).orElse(null),
        config.getOptionalValue(SignOnSettings.GROUPS_CLAIM, String.class).orElse("groups"));
  }
}
