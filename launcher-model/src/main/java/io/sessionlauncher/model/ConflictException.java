package io.sessionlauncher.model;

/**
 * The request would replace something that exists (an uploaded file of the same name) without
 * asking to; the message names it and says how to ask.
 */
public class ConflictException extends LauncherException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
