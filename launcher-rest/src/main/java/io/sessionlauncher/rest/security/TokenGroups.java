package io.sessionlauncher.rest.security;

import java.security.Principal;
import java.util.Set;

/**
 * The groups claim of a MicroProfile JWT principal, where the server has MicroProfile JWT. The
 * server answers {@code isUserInRole} only for the roles the application declares, so an
 * application's {@code roles} (a provider group such as {@code licensed-users}) are matched against
 * the token's own groups. Without the JWT API on the class path nothing here touches it.
 */
final class TokenGroups {
  private static final boolean JWT_API = jwtApiVisible();

  private TokenGroups() {}

  /** The principal's groups claim, or nothing when it is not a JSON Web Token. */
  static Set<String> of(Principal principal) {
    return JWT_API ? JwtPrincipals.groups(principal) : Set.of();
  }

  private static boolean jwtApiVisible() {
    try {
      Class.forName(
          "org.eclipse.microprofile.jwt.JsonWebToken", false, TokenGroups.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
