package io.sessionlauncher.rest.security;

import io.sessionlauncher.model.AccessSettings;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.Caller;
import io.sessionlauncher.model.LauncherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the server's security context into a {@link Caller}: the principal's name, and of the
 * groups the configuration names (user, admin and every application's {@code roles}), those the
 * server says the principal is in. The server maps the provider's groups claim to roles
 * (MicroProfile JWT takes the claim's names as roles; for browser logins {@code server.xml} binds
 * them), so asking {@code isUserInRole} works the same for bearer tokens and login cookies.
 */
@ApplicationScoped
public class Callers {
  private SignOnSettings settings;
  private List<String> knownGroups;

  /** Whether some group can only be found in a token's claims: an app's {@code roles}. */
  private boolean needsClaims;

  /** For CDI's proxy. */
  protected Callers() {}

  @Inject
  public Callers(SignOnSettings settings, LauncherConfig config) {
    this.settings = settings;
    AccessSettings access = config.configuration().access();
    Set<String> groups = new LinkedHashSet<>(access.userGroups());
    groups.addAll(access.adminGroups());
    for (AppConfig app : config.apps().values()) {
      groups.addAll(app.roles());
      needsClaims |= !app.roles().isEmpty();
    }
    this.knownGroups = List.copyOf(groups);
  }

  /**
   * The caller of a request: anonymous without sign-on; else the principal, or {@code null} when
   * the request carries none.
   */
  public Caller of(SecurityContext security) {
    if (!settings.signOn()) {
      return Caller.ANONYMOUS;
    }
    Principal principal = security == null ? null : security.getUserPrincipal();
    if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
      return null;
    }
    Set<String> tokenGroups = new LinkedHashSet<>(TokenGroups.of(principal));
    if (tokenGroups.isEmpty() && needsClaims) {
      tokenGroups.addAll(LibertyLoginGroups.of(settings.groupsClaim()));
    }
    Set<String> groups = new LinkedHashSet<>();
    for (String group : knownGroups) {
      if (tokenGroups.contains(group) || security.isUserInRole(group)) {
        groups.add(group);
      }
    }
    return Caller.signedOn(principal.getName(), groups);
  }
}
