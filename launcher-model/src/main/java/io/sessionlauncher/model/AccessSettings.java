package io.sessionlauncher.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Who may do what, and how much of the launcher one caller may take: keys of {@code configuration}
 * that the reference launcher does not have, each with a default. They matter once the server signs
 * its users on; without sign-on every caller is the same anonymous one.
 *
 * @param userGroups groups (or roles) whose members may launch and see their own sessions ({@code
 *     user_groups})
 * @param adminGroups groups (or roles) whose members see and stop every session ({@code
 *     admin_groups})
 * @param maxSessionsPerUser how many live sessions one owner may have in all, or {@code null} for
 *     no limit ({@code max_sessions_per_user}); an application may set its own
 * @param maxStarting how many sessions may be starting (not yet ready) at the same moment, or
 *     {@code null} for no limit ({@code max_starting})
 * @param auditFile where the audit trail is appended, one JSON object per line ({@code audit_file})
 */
public record AccessSettings(
    List<String> userGroups,
    List<String> adminGroups,
    Integer maxSessionsPerUser,
    Integer maxStarting,
    Path auditFile) {

  /** Group of the people who may launch, unless configured otherwise. */
  public static final String DEFAULT_USER_GROUP = "launcher-user";

  /** Group of the operators who see and stop every session, unless configured otherwise. */
  public static final String DEFAULT_ADMIN_GROUP = "launcher-admin";

  public AccessSettings {
    userGroups = List.copyOf(userGroups);
    adminGroups = List.copyOf(adminGroups);
    Objects.requireNonNull(auditFile, "auditFile");
  }

  /** The defaults, with the audit trail in {@code auditFile}. */
  public static AccessSettings defaults(Path auditFile) {
    return new AccessSettings(
        List.of(DEFAULT_USER_GROUP), List.of(DEFAULT_ADMIN_GROUP), null, null, auditFile);
  }
}
