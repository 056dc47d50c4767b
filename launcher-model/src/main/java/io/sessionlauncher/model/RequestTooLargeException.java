package io.sessionlauncher.model;

/** A request body is larger than the launcher accepts; nothing of it was interpreted. */
public class RequestTooLargeException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  public RequestTooLargeException(long limitBytes) {
    super("The request body is larger than " + limitBytes + " bytes");
  }

  /** For a limit other than the body's own, with a message naming it. */
  public RequestTooLargeException(String message) {
    super(message);
  }
}
