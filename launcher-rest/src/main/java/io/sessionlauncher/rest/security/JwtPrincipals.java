package io.sessionlauncher.rest.security;

import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The only class that names the MicroProfile JWT API, loaded by {@link TokenGroups} only where the
 * API is there.
 */
final class JwtPrincipals {
  private JwtPrincipals() {}

  static Set<String> groups(Principal principal) {
    if (principal instanceof JsonWebToken token) {
      Set<String> groups = token.getGroups();
      return groups == null ? Set.of() : groups;
    }
    return Set.of();
  }
}
