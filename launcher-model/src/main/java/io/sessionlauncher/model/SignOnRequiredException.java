package io.sessionlauncher.model;

/**
 * The server signs its users on and the request carried no credentials the server accepted (none,
 * or a token that is expired, of another issuer or audience, or badly signed). A REST layer answers
 * 401.
 */
public class SignOnRequiredException extends LauncherException {
  private static final long serialVersionUID = 1L;

  public SignOnRequiredException(String message) {
    super(message);
  }
}
