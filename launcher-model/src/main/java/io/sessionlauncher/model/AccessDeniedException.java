package io.sessionlauncher.model;

/**
 * The caller is signed on but may not do this: it is in none of the groups the launcher or the
 * application asks for. The message names what was missing, never who else could.
 */
public class AccessDeniedException extends LauncherException {
  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String message) {
    super(message);
  }
}
