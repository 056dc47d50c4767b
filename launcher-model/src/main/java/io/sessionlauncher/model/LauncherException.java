package io.sessionlauncher.model;

/**
 * Root of every error the launcher raises on purpose. Each subclass stands for one family of
 * failure, so a REST layer can map a family to one status code and callers of the Java API can
 * catch exactly what they can handle.
 */
public abstract class LauncherException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected LauncherException(String message) {
    super(message);
  }

  protected LauncherException(String message, Throwable cause) {
    super(message, cause);
  }
}
