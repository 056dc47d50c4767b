package io.sessionlauncher.engine.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: something a user did or asked for, or a session's end. Never a
 * secret, a token or a request's values.
 *
 * @param time when it happened
 * @param action {@code start}, {@code stop}, {@code end} or {@code refused}
 * @param user who asked (the principal's name, {@code anonymous} without sign-on); for an end, the
 *     session's owner
 * @param application the application, or {@code null} when unknown
 * @param sessionId the session's id, or {@code null} when none was made
 * @param client the client's address, or {@code null} when no request caused it
 * @param outcome what came of it: {@code ready}, {@code stopped}, the end's cause, or the refusal's
 *     status and reason
 */
public record AuditEvent(
    Instant time,
    String action,
    String user,
    String application,
    String sessionId,
    String client,
    String outcome) {
  public AuditEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(outcome, "outcome");
  }
}
