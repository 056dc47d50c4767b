package io.sessionlauncher.model;

/**
 * A client's request cannot be served as it stands (not JSON, a key missing, a value refused).
 * Nothing has been started or reserved when this is thrown.
 */
public class InvalidRequestException extends LauncherException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }

  public InvalidRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
