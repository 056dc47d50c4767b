package io.sessionlauncher.engine.access;

import io.sessionlauncher.engine.config.ActiveConfig;
import io.sessionlauncher.engine.session.Launch;
import io.sessionlauncher.engine.session.SessionManager;
import io.sessionlauncher.model.AccessDeniedException;
import io.sessionlauncher.model.AccessSettings;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.Caller;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.SessionNotFoundException;
import io.sessionlauncher.model.UnknownApplicationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The session operations as one caller may do them: members of the user groups launch and reach
 * their own sessions, members of the admin groups reach every session, an application with {@code
 * roles} is launched only by their members. Another user's session is not found, exactly as an
 * unknown id, so ids cannot be probed. Without sign-on every caller is {@link Caller#ANONYMOUS},
 * who may do everything.
 */
@ApplicationScoped
public class SessionAccess {
  private SessionManager sessions;
  private LauncherConfig config;
  private ActiveConfig active;

  /** For CDI's proxy. */
  protected SessionAccess() {}

  @Inject
  public SessionAccess(SessionManager sessions, LauncherConfig config, ActiveConfig active) {
    this.sessions = sessions;
    this.config = config;
    this.active = active;
  }

  /** Whether the caller sees and stops every session. */
  public boolean isAdmin(Caller caller) {
    return !caller.signedOn() || caller.inAnyOf(access().adminGroups());
  }

  /**
   * Checks that the caller may use the launcher at all.
   *
   * @throws AccessDeniedException when a signed-on caller is in neither a user nor an admin group
   */
  public void requireUser(Caller caller) {
    if (caller.signedOn()
        && !caller.inAnyOf(access().userGroups())
        && !caller.inAnyOf(access().adminGroups())) {
      List<String> groups = new ArrayList<>(access().userGroups());
      groups.addAll(access().adminGroups());
      throw new AccessDeniedException(
          "User '"
              + caller.name()
              + "' may not use the launcher: not a member of "
              + String.join(" or ", groups));
    }
  }

  /**
   * Starts a session owned by the caller: its id at once, and an answer that completes once it is
   * ready.
   *
   * @throws AccessDeniedException when the caller may not use the launcher or this application
   * @throws UnknownApplicationException when the application is not configured
   * @throws io.sessionlauncher.model.LimitReachedException when the caller has as many sessions as
   *     one user may, or too many sessions are starting
   * @see SessionManager#createAsync
   */
  public Launch launch(Caller caller, LaunchRequest request) {
    requireUser(caller);
    AppConfig app =
        active
            .current()
            .app(request.application())
            .orElseThrow(() -> new UnknownApplicationException(request.application()));
    if (!app.roles().isEmpty() && !caller.inAnyOf(app.roles())) {
      throw new AccessDeniedException(
          "Application '"
              + app.name()
              + "' may be launched only by members of "
              + String.join(" or ", app.roles())
              + "; user '"
              + caller.name()
              + "' is not one");
    }
    LaunchRequest owned =
        request.owner().equals(caller.name())
            ? request
            : new LaunchRequest(request.application(), request.values(), caller.name());
    return sessions.launch(owned);
  }

  /** The session, live or recently ended, if the caller may see it. */
  public Optional<Session> find(Caller caller, SessionId id) {
    requireUser(caller);
    return sessions.find(id).filter(session -> maySee(caller, session));
  }

  /**
   * Stops a session the caller may see.
   *
   * @throws SessionNotFoundException when there is no such session, or it is not the caller's
   */
  public Session stop(Caller caller, SessionId id) {
    Session session =
        find(caller, id).orElseThrow(() -> new SessionNotFoundException(id.toString()));
    return sessions.stop(session.id());
  }

  /**
   * The end of the log of a session the caller may see: its owner's, or any for an admin.
   *
   * @throws SessionNotFoundException when there is no such session, or it is not the caller's
   */
  public String logTail(Caller caller, SessionId id, int bytes) {
    Session session =
        find(caller, id).orElseThrow(() -> new SessionNotFoundException(id.toString()));
    return sessions.logTail(session.id(), bytes);
  }

  /** The live sessions the caller may see, oldest first: an admin's are all of them. */
  public List<Session> list(Caller caller) {
    requireUser(caller);
    boolean admin = isAdmin(caller);
    return sessions.list().stream()
        .filter(session -> admin || session.owner().equals(caller.name()))
        .toList();
  }

  /** Whether the caller may read the session's secret: only its owner may. */
  public boolean mayReadSecret(Caller caller, Session session) {
    return session.owner().equals(caller.name());
  }

  private boolean maySee(Caller caller, Session session) {
    return isAdmin(caller) || session.owner().equals(caller.name());
  }

  private AccessSettings access() {
    return config.configuration().access();
  }
}
