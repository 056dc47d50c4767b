package io.sessionlauncher.rest.security;

import io.sessionlauncher.model.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Refuses to start a launcher that anyone on the network could use without signing on, unless the
 * operator said so with {@value SignOnSettings#ALLOW_ANONYMOUS}; says at start-up how callers are
 * known. Where the server does not tell the application its address ({@value SignOnSettings#HOST}
 * unset, as on Payara), it cannot refuse at start-up; {@link LoopbackOnlyFilter} then refuses each
 * request that did not arrive on loopback.
 */
@ApplicationScoped
public class SignOnGuard {
  private static final Logger LOG = Logger.getLogger(SignOnGuard.class.getName());

  private SignOnSettings settings;

  /** For CDI's proxy. */
  protected SignOnGuard() {}

  @Inject
  public SignOnGuard(SignOnSettings settings) {
    this.settings = settings;
  }

  /** Before the sessions' manager starts, so a refused launcher never starts a session. */
  void onStart(@Observes @Priority(0) @Initialized(ApplicationScoped.class) Object event) {
    check();
  }

  /**
   * Checks the settings and logs how callers are known.
   *
   * @throws ConfigurationException when the server listens beyond loopback without sign-on and
   *     anonymous use was not allowed
   */
  public void check() {
    if (settings.signOn()) {
      LOG.info("Sign-on is on: every request needs a signed-on user");
      return;
    }
    if (!settings.hostKnown()) {
      if (settings.allowAnonymous()) {
        LOG.warning(
            "Sign-on is off ("
                + SignOnSettings.ALLOW_ANONYMOUS
                + "=true): anyone who reaches the server may launch and stop any session");
      } else {
        LOG.warning(
            "Sign-on is off: every caller is 'anonymous' and may launch and stop any session. The"
                + " server does not tell the application where it listens (no "
                + SignOnSettings.HOST
                + "), so a request that reaches it on any other than a loopback address is"
                + " refused (403); configure sign-on, or set "
                + SignOnSettings.ALLOW_ANONYMOUS
                + "=true to allow anonymous use there");
      }
      return;
    }
    if (settings.loopbackOnly()) {
      LOG.warning(
          "Sign-on is off: every caller is 'anonymous' and may launch and stop any session. The"
              + " server listens on "
              + settings.host()
              + " (loopback) only; configure sign-on before opening it to the network");
      return;
    }
    if (!settings.allowAnonymous()) {
      throw new ConfigurationException(
          null,
          SignOnSettings.HOST,
          "the server listens on "
              + settings.host()
              + " and no sign-on is configured, so anyone who reaches it could launch and stop"
              + " sessions. Configure sign-on (README, \"Sign-on\"), or set "
              + SignOnSettings.ALLOW_ANONYMOUS
              + "=true to allow anonymous use");
    }
    LOG.warning(
        "Sign-on is off and the server listens on "
            + settings.host()
            + " ("
            + SignOnSettings.ALLOW_ANONYMOUS
            + "=true): anyone who reaches it may launch and stop any session");
  }
}
