package io.sessionlauncher.rest.security;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The groups claim of the ID token behind a browser's login, on Open Liberty with its OpenID
 * Connect client. A login cookie's principal carries no claims, and Liberty answers {@code
 * isUserInRole} for declared roles only, so an application's {@code roles} (a provider group such
 * as {@code licensed-users}) are matched against the ID token Liberty keeps with the login, through
 * its public API ({@code PropagationHelper}). Reached by reflection, so that other servers, and
 * Liberty without the feature, never load it; there it gives no groups.
 */
final class LibertyLoginGroups {
  private static final Logger LOG = Logger.getLogger(LibertyLoginGroups.class.getName());
  private static final Method GET_ID_TOKEN = find();

  /** {@code IdToken.getClaim(String)}, found once with the helper. */
  private static final Method GET_CLAIM = claimGetter();

  private LibertyLoginGroups() {}

  /** The groups in claim {@code claim} of the current login's ID token, or nothing. */
  static Set<String> of(String claim) {
    // Without the helper there is no claim getter either.
    if (GET_CLAIM == null) {
      return Set.of();
    }
    try {
      Object idToken = GET_ID_TOKEN.invoke(null);
      if (idToken == null) {
        return Set.of();
      }
      Object value = GET_CLAIM.invoke(idToken, claim);
      Set<String> groups = new LinkedHashSet<>();
      if (value instanceof Collection<?> many) {
        many.forEach(group -> groups.add(String.valueOf(group)));
      } else if (value != null) {
        groups.add(String.valueOf(value));
      }
      return groups;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "No ID token groups for this request", e);
      return Set.of();
    }
  }

  private static Method claimGetter() {
    try {
      return GET_ID_TOKEN == null
          ? null
          : GET_ID_TOKEN.getReturnType().getMethod("getClaim", String.class);
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  private static Method find() {
    try {
      Class<?> helper =
          Class.forName(
              "com.ibm.websphere.security.openidconnect.PropagationHelper",
              true,
              LibertyLoginGroups.class.getClassLoader());
      return helper.getMethod("getIdToken");
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
