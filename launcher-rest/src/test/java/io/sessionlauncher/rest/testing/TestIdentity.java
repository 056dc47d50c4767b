package io.sessionlauncher.rest.testing;

import io.sessionlauncher.rest.security.SignOnSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The in-process launcher's stand-in for the server's authentication, for the REST layer's fast
 * tests: a request's {@value #USER} and {@value #GROUPS} headers become its principal and roles, as
 * Liberty's MicroProfile JWT makes them of a token's {@code sub}/{@code upn} and {@code groups}.
 * The real thing (Keycloak's tokens and login through Liberty) is tested in the end-to-end module.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 50)
public class TestIdentity implements ContainerRequestFilter {
  /** The principal's name. */
  public static final String USER = "X-Test-User";

  /** The principal's groups, comma-separated. */
  public static final String GROUPS = "X-Test-Groups";

  @Override
  public void filter(ContainerRequestContext request) {
    String user = request.getHeaderString(USER);
    if (user == null) {
      return;
    }
    String list = request.getHeaderString(GROUPS);
    Set<String> groups =
        list == null
            ? Set.of()
            : Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(group -> !group.isEmpty())
                .collect(Collectors.toSet());
    Principal principal = () -> user;
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return principal;
          }

          @Override
          public boolean isUserInRole(String role) {
            return groups.contains(role);
          }

          @Override
          public boolean isSecure() {
            return false;
          }

          @Override
          public String getAuthenticationScheme() {
            return "BEARER";
          }
        });
  }

  /** Sign-on on, for a launcher whose requests {@link TestIdentity} authenticates. */
  @ApplicationScoped
  public static class SignOnOn {
    @Produces
    @Singleton
    SignOnSettings settings() {
      return new SignOnSettings(true, false, "127.0.0.1");
    }
  }
}
