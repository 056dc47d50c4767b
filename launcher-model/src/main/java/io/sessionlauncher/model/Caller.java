package io.sessionlauncher.model;

import java.util.Objects;
import java.util.Set;

/**
 * Who makes a request: the signed-on principal's name and the groups the launcher knows it to be
 * in, or {@link #ANONYMOUS} when the server has no sign-on.
 *
 * @param name the principal's name; the owner of the sessions this caller starts
 * @param groups the provider's groups (or the server's roles) of the principal that the launcher's
 *     configuration names
 * @param signedOn whether the caller was authenticated; {@code false} only where the operator runs
 *     without sign-on, and then every caller is the same anonymous one
 */
public record Caller(String name, Set<String> groups, boolean signedOn) {

  /** Every caller of a launcher without sign-on: may do anything, as everyone else may. */
  public static final Caller ANONYMOUS = new Caller(LaunchRequest.ANONYMOUS, Set.of(), false);

  public Caller {
    Objects.requireNonNull(name, "name");
    groups = Set.copyOf(groups);
  }

  /** A signed-on principal with those groups. */
  public static Caller signedOn(String name, Set<String> groups) {
    return new Caller(name, groups, true);
  }

  /** Whether the caller is in at least one of {@code names}. */
  public boolean inAnyOf(java.util.Collection<String> names) {
    for (String group : names) {
      if (groups.contains(group)) {
        return true;
      }
    }
    return false;
  }
}
