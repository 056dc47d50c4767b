package io.sessionlauncher.model;

/** No session is known under the given id. */
public class SessionNotFoundException extends LauncherException {
  private static final long serialVersionUID = 1L;

  public SessionNotFoundException(String id) {
    super("No session with id: " + id);
  }
}
